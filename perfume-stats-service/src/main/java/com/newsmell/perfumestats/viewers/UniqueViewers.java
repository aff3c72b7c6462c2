package com.newsmell.perfumestats.viewers;

import java.util.Collection;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.memory.Memory;

/**
 * A perfume's distinct viewers as an Apache DataSketches HLL sketch (HLL_8), stored compact in PostgreSQL.
 * Adding a viewer twice changes nothing, so a redelivered event can't count twice even without the claims. With
 * lgK = 14 the sketch stays in its exact (list / set) mode up to ~1,500 viewers, then estimates with a relative
 * standard error of ~0.8% (16 KiB per perfume at most).
 */
public final class UniqueViewers {

    private UniqueViewers() {}

    /** The sketch and its estimate after adding the viewers. */
    public record Result(byte[] sketch, int estimate) {}

    public static Result add(byte[] stored, Collection<String> viewers, int lgK) {
        HllSketch sketch =
                stored == null ? new HllSketch(lgK, TgtHllType.HLL_8) : HllSketch.heapify(Memory.wrap(stored));
        for (String viewer : viewers) {
            sketch.update(viewer);
        }
        return new Result(sketch.toCompactByteArray(), estimate(sketch));
    }

    public static int estimate(byte[] stored) {
        return stored == null ? 0 : estimate(HllSketch.heapify(Memory.wrap(stored)));
    }

    private static int estimate(HllSketch sketch) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(sketch.getEstimate()));
    }
}
