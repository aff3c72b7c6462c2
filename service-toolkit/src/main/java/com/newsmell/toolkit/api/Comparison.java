package com.newsmell.toolkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** compare=previous_period: the period just before, as long, its totals, and the change of every figure. */
public record Comparison<T>(
        @Schema(description = "The previous period's start (inclusive, UTC).")
        Instant from,

        @Schema(description = "The previous period's end (exclusive, UTC): this window's from.")
        Instant to,

        @Schema(description = "The previous period's totals.")
        T totals,

        @Schema(
                description = "Per figure: difference (this - previous) and percent (difference / previous x 100,"
                        + " 2 decimals; absent when previous is 0).")
        Map<String, Change> change) {

    public record Change(BigDecimal difference, BigDecimal percent) {}

    /** Compares two totals figure by figure: every numeric field of the current totals, by name. */
    public static <T> Comparison<T> of(TimeWindow previous, T current, T before, ObjectMapper mapper) {
        JsonNode now = mapper.valueToTree(current);
        JsonNode then = mapper.valueToTree(before);
        return new Comparison<>(previous.from(), previous.to(), before, changes(now, then));
    }

    /** The change of every numeric field of {@code now} that {@code then} also has. */
    public static Map<String, Change> changes(JsonNode now, JsonNode then) {
        Map<String, Change> change = new LinkedHashMap<>();
        if (!(now instanceof ObjectNode) || !(then instanceof ObjectNode)) {
            return change;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode previous = then.get(field.getKey());
            if (field.getValue().isNumber() && previous != null && previous.isNumber()) {
                change.put(field.getKey(), change(field.getValue().decimalValue(), previous.decimalValue()));
            }
        }
        return change;
    }

    public static Change change(BigDecimal now, BigDecimal then) {
        BigDecimal difference = now.subtract(then).stripTrailingZeros();
        BigDecimal percent = then.signum() == 0
                ? null
                : now.subtract(then).multiply(BigDecimal.valueOf(100)).divide(then.abs(), 2, RoundingMode.HALF_EVEN);
        return new Change(difference.scale() < 0 ? difference.setScale(0) : difference, percent);
    }
}
