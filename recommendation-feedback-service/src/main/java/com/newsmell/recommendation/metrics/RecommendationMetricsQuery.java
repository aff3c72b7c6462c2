package com.newsmell.recommendation.metrics;

import com.newsmell.contract.data.RecommendationData;
import com.newsmell.recommendation.api.Windows;
import com.newsmell.toolkit.api.Breakdown;
import com.newsmell.toolkit.api.Filters;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A request of {@code GET /v1/recommendations/metrics}, parsed by the API convention (ADR 0015): the window (on the
 * granularity's grid in tz, at most 400 days), the filters, the breakdown dimension with its page (limit,
 * offset cursor), and whether to compare with the previous period. Issue #13's shorthands: {@code algorithm=} and
 * {@code source=} are filters {@code algorithm==…} and {@code source==…}; {@code groupBy=day} is
 * {@code granularity=day}, {@code groupBy=position|source|algorithm} is {@code breakdown=…}.
 */
public record RecommendationMetricsQuery(
        TimeWindow window, Filters filters, String breakdown, boolean compare, int limit, int offset) {

    /** The dimensions of breakdown and filters, in the order the API lists them. */
    public static final List<String> DIMENSIONS = List.of("algorithm", "source", "position", "perfumeId");

    /** groupBy's values. */
    public static final List<String> GROUP_BY = List.of("day", "position", "source", "algorithm");

    /** The values source can take (the contract's), checked in filters. */
    static final List<String> SOURCES = List.copyOf(new TreeSet<>(RecommendationData.SOURCES));

    public static RecommendationMetricsQuery of(
            String from,
            String to,
            String tz,
            String granularity,
            String breakdown,
            String filters,
            String compare,
            String limit,
            String cursor) {
        return of(from, to, tz, granularity, breakdown, filters, compare, limit, cursor, null, null, null);
    }

    public static RecommendationMetricsQuery of(
            String from,
            String to,
            String tz,
            String granularity,
            String breakdown,
            String filters,
            String compare,
            String limit,
            String cursor,
            String algorithm,
            String source,
            String groupBy) {
        String group = QueryParams.oneOf("groupBy", groupBy, (String) null, GROUP_BY);
        if (group != null && (!QueryParams.blank(granularity) || !QueryParams.blank(breakdown))) {
            throw QueryParams.bad(
                    "groupBy",
                    "conflict",
                    "groupBy is a shorthand for granularity=day or breakdown=…; give one of them, not both.");
        }
        if ("day".equals(group)) {
            granularity = "day";
        } else if (group != null) {
            breakdown = group;
        }
        TimeWindow window =
                TimeWindow.metrics(from, to, tz, TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY));
        Windows.checkLength(window);
        List<String> conditions = new ArrayList<>();
        if (!QueryParams.blank(filters)) {
            conditions.add(filters);
        }
        if (!QueryParams.blank(algorithm)) {
            conditions.add("algorithm==" + shorthand("algorithm", algorithm, filters));
        }
        if (!QueryParams.blank(source)) {
            conditions.add("source=="
                    + shorthand("source", QueryParams.oneOf("source", source, (String) null, SOURCES), filters));
        }
        Filters parsed = Filters.parse(conditions.isEmpty() ? null : String.join(";", conditions), DIMENSIONS)
                .checkValues("source", SOURCES);
        checkPositions(parsed);
        return new RecommendationMetricsQuery(
                window,
                parsed,
                Breakdown.parse(breakdown, DIMENSIONS),
                Breakdown.comparePrevious(compare),
                Paging.limit(limit),
                Paging.offset(cursor));
    }

    /** A shorthand's value: one plain value, its dimension not also in filters. */
    private static String shorthand(String name, String value, String filters) {
        String v = value.trim();
        if (!v.matches("[^;|=!]{1,128}")) {
            throw QueryParams.bad(
                    name, "format", name + " is one value of at most 128 characters, without ; | = or !.");
        }
        if (filters != null
                && Filters.parse(filters, DIMENSIONS).conditions().stream()
                        .anyMatch(c -> c.dimension().equals(name))) {
            throw QueryParams.bad(name, "conflict", name + " is also in filters; give it once.");
        }
        return v;
    }

    /** A position is a 0-based slot: filter values other than (unknown) are whole numbers from 0. */
    static void checkPositions(Filters filters) {
        for (Filters.Condition c : filters.conditions()) {
            if (c.dimension().equals("position")) {
                for (String v : c.knownValues()) {
                    if (!v.matches("[0-9]{1,9}")) {
                        throw QueryParams.bad(
                                "filters",
                                "format",
                                "filters: position values are 0-based slots (whole numbers such as 0 or 3) or"
                                        + " (unknown); \"" + v + "\" is not one.");
                    }
                }
            }
        }
    }
}
