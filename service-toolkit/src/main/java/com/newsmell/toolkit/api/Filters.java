package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The {@code filters} parameter, as in Plausible's Stats API: {@code country==DE;deviceType==mobile|tablet},
 * conditions joined by {@code ;} (and), each a dimension, {@code ==} or {@code !=}, and values joined by {@code |}
 * (any of). {@link ApiConvention#UNKNOWN} stands for "no value". Errors name {@code filters} with the rule
 * {@code format} (not that syntax) or {@code enum} (a dimension this endpoint does not filter on).
 */
public record Filters(List<Condition> conditions) {

    public static final Filters NONE = new Filters(List.of());

    public record Condition(String dimension, boolean negated, List<String> values) {

        /** Whether the values include "no value". */
        public boolean includesUnknown() {
            return values.contains(ApiConvention.UNKNOWN);
        }

        /** The values other than "no value". */
        public String[] knownValues() {
            return values.stream().filter(v -> !ApiConvention.UNKNOWN.equals(v)).toArray(String[]::new);
        }

        /** Whether a row's value (null: none) satisfies this condition. */
        public boolean test(String value) {
            boolean listed = values.contains(value == null ? ApiConvention.UNKNOWN : value);
            return negated != listed;
        }
    }

    public static Filters parse(String value, Collection<String> dimensions) {
        if (QueryParams.blank(value)) {
            return NONE;
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : value.split(";", -1)) {
            String p = part.trim();
            int ne = p.indexOf("!=");
            int eq = p.indexOf("==");
            int at = ne >= 0 && (eq < 0 || ne < eq) ? ne : eq;
            if (at <= 0 || at + 2 >= p.length()) {
                throw QueryParams.bad(
                        "filters",
                        "format",
                        "filters must be conditions like country==DE;deviceType!=mobile|tablet (dimension, == or !=,"
                                + " values joined by |; conditions joined by ;). \"" + p + "\" is not one.");
            }
            String dimension = p.substring(0, at).trim();
            if (!dimensions.contains(dimension)) {
                throw QueryParams.bad(
                        "filters",
                        "enum",
                        "filters: " + dimension + " is not a dimension of this endpoint; use one of "
                                + String.join(", ", dimensions) + ".");
            }
            List<String> values = Arrays.stream(p.substring(at + 2).split("\\|", -1))
                    .map(String::trim)
                    .toList();
            if (values.stream().anyMatch(String::isEmpty)) {
                throw QueryParams.bad(
                        "filters",
                        "format",
                        "filters: every value of " + dimension + " must be non-empty (use " + ApiConvention.UNKNOWN
                                + " for no value).");
            }
            conditions.add(new Condition(dimension, at == ne, values));
        }
        return new Filters(List.copyOf(conditions));
    }

    /** Checks the values of a dimension against its allowed values (an enum dimension such as deviceType). */
    public Filters checkValues(String dimension, Collection<String> allowed) {
        for (Condition c : conditions) {
            if (c.dimension().equals(dimension)) {
                for (String v : c.values()) {
                    if (!allowed.contains(v) && !ApiConvention.UNKNOWN.equals(v)) {
                        throw QueryParams.bad(
                                "filters",
                                "enum",
                                "filters: " + dimension + " must be one of " + String.join(", ", allowed) + " or "
                                        + ApiConvention.UNKNOWN + "; \"" + v + "\" is not.");
                    }
                }
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether a row, given as dimension to value (null: none), satisfies every condition. */
    public boolean test(Map<String, String> row) {
        return conditions.stream().allMatch(c -> c.test(row.get(c.dimension())));
    }

    /**
     * The conditions as SQL over columns (dimension to column or expression) for a Hibernate native query, with
     * positional parameters {@code ?n} numbered from {@code firstParameter}, each bound to a list of the condition's
     * values (as strings): one index-friendly predicate per condition ({@code col in (?n)}, with {@code or col is
     * null} for "no value").
     */
    public Sql toSql(Map<String, String> columns, int firstParameter) {
        return toSql(columns, n -> "?" + (firstParameter + n), (dimension, value) -> value);
    }

    /**
     * The same with the placeholders a query names ({@code n -> ":f" + n} for named parameters; {@code n} counts
     * from 0) and each value converted for its column ({@code (dimension, value) -> Integer.valueOf(value)} for an
     * integer column).
     */
    public Sql toSql(
            Map<String, String> columns, IntFunction<String> placeholder, BiFunction<String, String, Object> value) {
        List<String> predicates = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Condition c : conditions) {
            String column = columns.get(c.dimension());
            String[] known = c.knownValues();
            String listed;
            if (known.length == 0) {
                listed = "false";
            } else {
                listed = column + " in (" + placeholder.apply(parameters.size()) + ")";
                List<Object> values = new ArrayList<>(known.length);
                for (String v : known) {
                    values.add(value.apply(c.dimension(), v));
                }
                parameters.add(List.copyOf(values));
            }
            String predicate;
            if (!c.negated()) {
                predicate = c.includesUnknown() ? "(" + listed + " or " + column + " is null)" : "(" + listed + ")";
            } else {
                String notListed = known.length == 0 ? "true" : "not (" + listed + ")";
                predicate = c.includesUnknown()
                        ? "(" + column + " is not null and " + notListed + ")"
                        : "(" + column + " is null or " + notListed + ")";
            }
            predicates.add(predicate);
        }
        return new Sql(predicates.isEmpty() ? "true" : String.join(" and ", predicates), List.copyOf(parameters));
    }

    /** A where-clause fragment and its parameters (each a list of values), in order. */
    public record Sql(String where, List<Object> parameters) {}

    /** The conditions as the API echoes them: dimension to "==a|b" or "!=a". */
    public Map<String, String> echo() {
        Map<String, String> echo = new LinkedHashMap<>();
        conditions.forEach(c -> echo.put(c.dimension(), (c.negated() ? "!=" : "==") + String.join("|", c.values())));
        return echo;
    }
}
