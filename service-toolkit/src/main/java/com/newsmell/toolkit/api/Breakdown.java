package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import java.util.Collection;

/** The {@code breakdown} parameter: one dimension of the endpoint, or none; rule {@code enum} otherwise. */
public final class Breakdown {

    private Breakdown() {}

    /** The dimension, or null when absent. */
    public static String parse(String value, Collection<String> dimensions) {
        if (QueryParams.blank(value)) {
            return null;
        }
        String v = value.trim();
        if (!dimensions.contains(v)) {
            throw QueryParams.bad(
                    "breakdown", "enum", "breakdown must be one of " + String.join(", ", dimensions) + ".");
        }
        return v;
    }

    /** The breakdown value of a row: its value, or {@link ApiConvention#UNKNOWN} when it has none. */
    public static String value(String value) {
        return value == null ? ApiConvention.UNKNOWN : value;
    }

    /** {@code compare}: previous_period, or absent. */
    public static boolean comparePrevious(String value) {
        if (QueryParams.blank(value)) {
            return false;
        }
        if (!"previous_period".equals(value.trim())) {
            throw QueryParams.bad("compare", "enum", "compare must be previous_period.");
        }
        return true;
    }
}
