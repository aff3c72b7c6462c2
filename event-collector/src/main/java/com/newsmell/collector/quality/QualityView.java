package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.api.JsonConvention;
import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code GET /v1/quality} from the hourly counts (pure): totals and every bucket of the window (0 where
 * nothing happened), and with a grouping, the same per value, most rejected first. '' is {@code (none)}.
 */
public final class QualityView {

    static final String[] FIGURES = {"accepted", "rejected", "deadLettered"};

    private QualityView() {}

    public static ObjectNode of(
            TimeWindow window, QualityGroup groupBy, List<QualityRepository.Count> counts, Instant asOf) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("from", JsonConvention.format(window.from()))
                .put("to", JsonConvention.format(window.to()))
                .put("tz", window.tz())
                .put("granularity", window.granularity().parameter)
                .put("asOf", JsonConvention.format(asOf));
        Map<String, Map<Instant, long[]>> byValue = new LinkedHashMap<>();
        for (QualityRepository.Count c : counts) {
            int figure = c.outcome().equals("accepted") ? 0 : c.outcome().equals("rejected") ? 1 : 2;
            byValue.computeIfAbsent(c.value() == null ? "" : c.value(), v -> new TreeMap<>())
                            .computeIfAbsent(window.floor(c.hour()), h -> new long[3])[figure] +=
                    c.count();
        }
        Map<Instant, long[]> all = new TreeMap<>();
        byValue.values().forEach(m -> m.forEach((h, f) -> add(all.computeIfAbsent(h, x -> new long[3]), f)));
        body.set("totals", figures(sum(all)));
        body.set("buckets", buckets(window, all));
        if (groupBy != null) {
            body.put("groupBy", groupBy.parameter);
            ArrayNode groups = body.putArray("groups");
            byValue.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Map<Instant, long[]>>>comparingLong(
                                    e -> -sum(e.getValue())[1])
                            .thenComparingLong(e -> -sum(e.getValue())[2])
                            .thenComparing(Map.Entry::getKey))
                    .forEach(e -> {
                        ObjectNode g = groups.addObject();
                        g.put("value", e.getKey().isEmpty() ? "(none)" : e.getKey());
                        g.set("totals", figures(sum(e.getValue())));
                        g.set("buckets", buckets(window, e.getValue()));
                    });
        }
        return body;
    }

    private static ArrayNode buckets(TimeWindow window, Map<Instant, long[]> byBucket) {
        ArrayNode buckets = JsonNodeFactory.instance.arrayNode();
        for (Instant start : window.bucketStarts()) {
            ObjectNode b = figures(byBucket.getOrDefault(start, new long[3]));
            buckets.addObject().put("start", JsonConvention.format(start)).setAll(b);
        }
        return buckets;
    }

    private static ObjectNode figures(long[] f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < FIGURES.length; i++) {
            o.put(FIGURES[i], f[i]);
        }
        return o;
    }

    private static long[] sum(Map<Instant, long[]> byBucket) {
        long[] total = new long[3];
        byBucket.values().forEach(f -> add(total, f));
        return total;
    }

    private static void add(long[] into, long[] f) {
        for (int i = 0; i < 3; i++) {
            into[i] += f[i];
        }
    }
}
