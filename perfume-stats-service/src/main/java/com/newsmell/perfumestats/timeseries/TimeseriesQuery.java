package com.newsmell.perfumestats.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A validated time-series request: buckets starting in [from, to), both aligned to the granularity. */
public record TimeseriesQuery(String perfumeId, Metric metric, Granularity granularity, Instant from, Instant to) {

    public enum Metric {
        VIEWS("views"),
        WISHLIST_ADDS("wishlistAdds"),
        RATINGS("ratings");

        public final String parameter;

        Metric(String parameter) {
            this.parameter = parameter;
        }

        public static Map<String, Metric> byParameter() {
            return Map.of("views", VIEWS, "wishlistAdds", WISHLIST_ADDS, "ratings", RATINGS);
        }
    }

    /** The bucket size: the UTC hour (hourly buckets) or the UTC day (daily buckets). */
    public enum Granularity {
        HOUR("hour", ChronoUnit.HOURS),
        DAY("day", ChronoUnit.DAYS);

        public final String parameter;
        final ChronoUnit unit;

        Granularity(String parameter, ChronoUnit unit) {
            this.parameter = parameter;
            this.unit = unit;
        }

        public static Map<String, Granularity> byParameter() {
            return Map.of("hour", HOUR, "day", DAY);
        }

        public Instant floor(Instant t) {
            return t.truncatedTo(unit);
        }

        public Instant ceil(Instant t) {
            Instant f = floor(t);
            return f.equals(t) ? t : f.plus(Duration.of(1, unit));
        }

        public Duration step() {
            return Duration.of(1, unit);
        }
    }

    /** The number of buckets in the range. */
    public long buckets() {
        return Duration.between(from, to).dividedBy(granularity.step());
    }
}
