package com.newsmell.session.metrics;

import com.newsmell.toolkit.api.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every bucket of a window, in order, from the groups a statement returned (buckets without rows get none). */
public final class Buckets {

    /** A bucket's answer from its start, end and counts. */
    public interface Maker<T, B> {
        B make(Instant start, Instant end, T totals);
    }

    private Buckets() {}

    /**
     * One entry per bucket of the window: the group of its 1-based index ({@code width_bucket} over
     * {@link com.newsmell.toolkit.api.TimeWindow#thresholds}), or {@code none} when the statement returned none.
     */
    public static <T, B> List<B> fill(
            TimeWindow window, List<MetricsRepository.Grouped<T>> groups, T none, Maker<T, B> maker) {
        Map<Integer, T> byIndex = new HashMap<>();
        for (MetricsRepository.Grouped<T> g : groups) {
            if (g.bucket() != null) {
                byIndex.put(g.bucket(), g.totals());
            }
        }
        List<Instant> starts = window.bucketStarts();
        List<B> buckets = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : window.to();
            buckets.add(maker.make(starts.get(i), end, byIndex.getOrDefault(i + 1, none)));
        }
        return buckets;
    }

    /** The whole window's group (the one without bucket or value), or {@code none}. */
    public static <T> T whole(List<MetricsRepository.Grouped<T>> groups, T none) {
        return groups.stream()
                .filter(MetricsRepository.Grouped::whole)
                .map(MetricsRepository.Grouped::totals)
                .findFirst()
                .orElse(none);
    }
}
