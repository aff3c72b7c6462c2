package com.newsmell.session.metrics;

import com.newsmell.contract.EventParser;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dimensions of GET /v1/sessions/metrics (ADR 0015): what {@code breakdown} and {@code filters} name, the
 * user_session column behind each, and the SQL of a filter over them. Every column has a (column, start_time) index
 * (V4); referrer, entry_page and exit_page, up to 2,048 characters, are indexed by their first {@link #PREFIX}
 * characters, so their filters compare that prefix first.
 */
public final class SessionDimensions {

    /** Dimension (the API's name) to column, in the order the API lists them. */
    public static final Map<String, String> COLUMNS = columns();

    public static final List<String> NAMES = List.copyOf(COLUMNS.keySet());

    /** The values deviceType takes (the contract's), in order. */
    public static final List<String> DEVICE_TYPES =
            EventParser.DEVICE_TYPES.stream().sorted().toList();

    /** The columns whose index holds a prefix of the value. */
    static final Set<String> PREFIX_INDEXED = Set.of("referrer", "entry_page", "exit_page");

    /** The length of the indexed prefix: 512 characters fit a btree entry in any encoding. */
    static final int PREFIX = 512;

    private SessionDimensions() {}

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("country", "location");
        m.put("deviceType", "device_type");
        m.put("browser", "browser");
        m.put("os", "os");
        m.put("source", "source");
        m.put("referrer", "referrer");
        m.put("entryPage", "entry_page");
        m.put("exitPage", "exit_page");
        return m;
    }

    /** The breakdown value of a row for the dimension: its column, or (unknown) without a value. */
    public static String value(String dimension) {
        return "coalesce(" + COLUMNS.get(dimension) + ", '" + ApiConvention.UNKNOWN + "')";
    }

    /**
     * The filters as a where-clause fragment ("true" without conditions), appending their values to {@code params}
     * and naming them {@code ?n} (n = their 1-based position in {@code params}). Each condition is one predicate:
     * {@code col in (...)} ({@code or col is null} with (unknown)); {@code !=} is its negation, which keeps rows
     * without a value unless (unknown) is listed.
     */
    public static String where(Filters filters, List<Object> params) {
        List<String> predicates = new ArrayList<>();
        for (Filters.Condition c : filters.conditions()) {
            String column = COLUMNS.get(c.dimension());
            String[] known = c.knownValues();
            String listed;
            if (known.length == 0) {
                listed = "false";
            } else {
                List<String> names = new ArrayList<>();
                for (String v : known) {
                    params.add(v);
                    names.add("?" + params.size());
                }
                listed = column + " in (" + String.join(", ", names) + ")";
                if (!c.negated() && PREFIX_INDEXED.contains(column)) {
                    listed = "left(" + column + ", " + PREFIX + ") in ("
                            + String.join(
                                    ", ",
                                    names.stream()
                                            .map(n -> "left(" + n + ", " + PREFIX + ")")
                                            .toList())
                            + ") and " + listed;
                }
            }
            String predicate;
            if (!c.negated()) {
                predicate = c.includesUnknown() ? "((" + listed + ") or " + column + " is null)" : "(" + listed + ")";
            } else {
                String notListed = known.length == 0 ? "true" : "not (" + listed + ")";
                predicate = c.includesUnknown()
                        ? "(" + column + " is not null and " + notListed + ")"
                        : "(" + column + " is null or " + notListed + ")";
            }
            predicates.add(predicate);
        }
        return predicates.isEmpty() ? "true" : String.join(" and ", predicates);
    }
}
