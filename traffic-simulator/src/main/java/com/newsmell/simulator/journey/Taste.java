package com.newsmell.simulator.journey;

import com.newsmell.simulator.world.Catalog;
import java.util.List;
import java.util.SplittableRandom;

/** A visitor's taste: how much they like each perfume, and the perfumes they pick, biased by taste and popularity. */
final class Taste {

    private final Catalog catalog;
    private final SplittableRandom rng;
    private final double[] affinities;
    private double[] catalogWeights;

    /** @param affinities the visitor's affinity for each perfume, indexed like {@link Catalog#perfumes()} */
    Taste(Catalog catalog, SplittableRandom rng, double[] affinities) {
        this.catalog = catalog;
        this.rng = rng;
        this.affinities = affinities;
    }

    /** The visitor's affinity for a perfume, 0..1. */
    double affinity(Catalog.Perfume p) {
        return affinities[catalog.indexOf(p.id())];
    }

    /** A perfume of the whole catalog. */
    Catalog.Perfume pick() {
        if (catalogWeights == null) {
            catalogWeights = weights(catalog.perfumes());
        }
        return catalog.perfumes().get(Catalog.weighted(catalogWeights, rng));
    }

    /** One of {@code among}. */
    Catalog.Perfume pick(List<Catalog.Perfume> among) {
        return among.get(Catalog.weighted(weights(among), rng));
    }

    private double[] weights(List<Catalog.Perfume> perfumes) {
        double[] w = new double[perfumes.size()];
        for (int i = 0; i < w.length; i++) {
            double a = affinity(perfumes.get(i));
            w[i] = (0.2 + Math.sqrt(perfumes.get(i).popularity())) * (0.3 + 3 * a * a);
        }
        return w;
    }
}
