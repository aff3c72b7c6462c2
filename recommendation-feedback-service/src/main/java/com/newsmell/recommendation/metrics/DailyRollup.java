package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.toolkit.api.ApiConvention;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day of the rollup (the seed's recommendationMetrics): the day's attributed impressions folded into cells per
 * algorithm, source and position. Pure.
 */
public final class DailyRollup {

    private DailyRollup() {}

    /** A cell's key; rows without a value are (unknown) / position -1. */
    record Key(String algorithm, String source, int position) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = algorithm.compareTo(o.algorithm);
            if (c == 0) {
                c = source.compareTo(o.source);
            }
            return c != 0 ? c : Integer.compare(position, o.position);
        }
    }

    /** The counts per cell, in key order. */
    static Map<Key, Counts> cells(List<AttributedRow> rows) {
        Map<Key, Counts> cells = new TreeMap<>();
        for (AttributedRow a : rows) {
            LedgerRow r = a.row();
            Key key = new Key(
                    r.algorithm() == null ? ApiConvention.UNKNOWN : r.algorithm(),
                    r.source() == null ? ApiConvention.UNKNOWN : r.source(),
                    r.position() == null ? -1 : r.position());
            cells.computeIfAbsent(key, k -> new Counts()).add(a, null);
        }
        return cells;
    }

    /** The cells as the API serves them. */
    static List<DailyCell> view(Map<Key, Counts> cells) {
        List<DailyCell> out = new ArrayList<>();
        cells.forEach(
                (k, c) -> out.add(new DailyCell(k.algorithm(), k.source(), k.position(), RecommendationFigures.of(c))));
        return out;
    }

    /** A digest of the cells' counts: equal cells, equal digest. */
    static String digest(Map<Key, Counts> cells) {
        StringBuilder text = new StringBuilder();
        cells.forEach((k, c) -> text.append(k)
                .append(':')
                .append(java.util.Arrays.toString(RollupRepository.values(c)))
                .append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
