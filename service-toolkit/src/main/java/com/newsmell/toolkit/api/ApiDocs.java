package com.newsmell.toolkit.api;

/**
 * The OpenAPI descriptions of the convention's parameters (ADR 0015), as constants so that every resource documents
 * them in the same words: {@code @Parameter(description = ApiDocs.FROM, schema = @Schema(type = SchemaType.STRING,
 * format = "date-time"))}.
 */
public final class ApiDocs {

    public static final String FROM = "Start, inclusive: an ISO-8601 instant (2026-12-06T10:00:00Z) or a date"
            + " (2026-12-06, the start of that day in tz)";
    public static final String TO =
            "End, exclusive: an ISO-8601 instant or a date (the start of that day in tz);" + " after from";
    public static final String METRICS_FROM = FROM + "; required, on the granularity's grid in tz";
    public static final String METRICS_TO =
            TO + "; required, on the granularity's grid in tz; at most 2232 hours or" + " 1098 days after from";
    public static final String TZ = "IANA time zone of the day buckets and of date values (Europe/Berlin); default UTC";
    public static final String GRANULARITY = "Bucket size: hour or day (days of tz)";
    public static final String LIMIT = "Items per page (top lists too): 1 to 1000, default 100";
    public static final String CURSOR = "The nextCursor of the previous page";
    public static final String BREAKDOWN =
            "Break the totals down by this dimension; rows without a value are" + " (unknown)";
    public static final String FILTERS = "Conditions joined by ; (and): dimension==value or dimension!=value, values"
            + " joined by | (any of), (unknown) for no value; e.g. country==DE;deviceType==mobile|tablet";
    public static final String COMPARE =
            "previous_period: add the totals of the period just before, as long, and" + " the change of each figure";
    public static final String MIN_SAMPLE =
            "Rank only values resting on at least this many observations (the" + " rate's or average's denominator)";
    public static final String INCLUDE_BOTS = "true to count bot traffic too; default false";

    private ApiDocs() {}
}
