package com.newsmell.toolkit.api;

import com.newsmell.toolkit.http.QueryParams;
import jakarta.ws.rs.core.MediaType;

/**
 * The numbers of the API convention (ADR 0015), in one place so that no service can pick its own: page sizes,
 * the longest range per granularity, the value that stands for "no value" in breakdowns and filters.
 */
public final class ApiConvention {

    /** What every read endpoint produces: JSON, or the same rows as CSV with a header row. */
    public static final String CSV = "text/csv";

    public static final String JSON = MediaType.APPLICATION_JSON;

    /** Page size (limit) of every list and top-N list. */
    public static final int DEFAULT_LIMIT = QueryParams.DEFAULT_LIMIT;

    public static final int MAX_LIMIT = QueryParams.MAX_LIMIT;

    /** The longest range of an hourly metrics request: 93 days. */
    public static final long MAX_HOURS = 2232;

    /** The longest range of a daily (or totals-only) metrics request: about three years. */
    public static final long MAX_DAYS = 1098;

    /** The longest range of a list that is bounded by time alone (raw events, search queries across users). */
    public static final long MAX_LIST_DAYS = 93;

    /** The breakdown value, and filter value, of rows that have none (no country, no device type, ...). */
    public static final String UNKNOWN = "(unknown)";

    /** The source of a visit without a referrer. */
    public static final String DIRECT = "(direct)";

    private ApiConvention() {}
}
