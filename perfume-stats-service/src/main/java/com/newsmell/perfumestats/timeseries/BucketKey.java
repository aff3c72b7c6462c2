package com.newsmell.perfumestats.timeseries;

import java.time.Instant;

/** One perfume's bucket: the UTC hour or day starting at {@code start}. */
public record BucketKey(String perfumeId, Instant start) implements Comparable<BucketKey> {
    @Override
    public int compareTo(BucketKey o) {
        int c = perfumeId.compareTo(o.perfumeId);
        return c != 0 ? c : start.compareTo(o.start);
    }
}
