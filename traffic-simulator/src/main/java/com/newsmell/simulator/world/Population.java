package com.newsmell.simulator.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The registered users of the platform with their tastes. Deterministic from the catalog and a seed. Anonymous
 * visitors are not part of the population: {@link #visitor(SplittableRandom)} makes an ad-hoc taste profile for
 * them.
 */
public final class Population {

    /**
     * One user's taste and habits.
     *
     * @param userId the user id, {@code null} for an anonymous visitor
     * @param favouriteNotes note ids the user likes (biases views, clicks and ratings)
     * @param favouriteHouses house ids the user likes
     * @param budget the price the user is comfortable with
     * @param activity relative session frequency (heavy users come back more often)
     * @param engagement 0..1 how deep their sessions go (ratings, reviews, wishlist)
     * @param trader whether the user trades decants/bottles
     * @param device index of the user's usual device in {@link UserAgents#HUMANS}
     */
    public record User(
            String userId,
            List<String> favouriteNotes,
            List<String> favouriteHouses,
            double budget,
            double activity,
            double engagement,
            boolean trader,
            int device) {

        public boolean anonymous() {
            return userId == null;
        }

        /** 0..1: how well a perfume matches this user's taste. */
        public double affinity(Catalog.Perfume p) {
            int matching = 0;
            for (List<String> layer : List.of(p.openNotes(), p.heartNotes(), p.baseNotes())) {
                for (String n : layer) {
                    if (favouriteNotes.contains(n)) {
                        matching++;
                    }
                }
            }
            double notes = Math.min(1.0, matching / 3.0);
            double house = favouriteHouses.contains(p.houseId()) ? 1.0 : 0.0;
            double price = p.price() <= budget ? 1.0 : Math.max(0, 1 - (p.price() - budget) / budget);
            return 0.55 * notes + 0.25 * house + 0.2 * price;
        }
    }

    private final Catalog catalog;
    private final List<User> users;
    private final double[] cumulativeActivity;
    private final java.util.concurrent.ConcurrentHashMap<String, double[]> affinities =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Population(Catalog catalog, List<User> users) {
        this.catalog = catalog;
        this.users = List.copyOf(users);
        this.cumulativeActivity = new double[users.size()];
        double sum = 0;
        for (int i = 0; i < users.size(); i++) {
            sum += users.get(i).activity();
            cumulativeActivity[i] = sum;
        }
    }

    /** {@code size} registered users ({@code user-00001}, ...); same arguments, same population. */
    public static Population generate(Catalog catalog, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a population needs at least one user");
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<User> users = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            users.add(profile(catalog, String.format(Locale.ROOT, "user-%05d", i + 1), rng));
        }
        return new Population(catalog, users);
    }

    private static User profile(Catalog catalog, String userId, SplittableRandom rng) {
        // Tastes cluster by family: pick one or two families, then notes mostly from them.
        List<Catalog.Note> notes = catalog.notes();
        Set<String> families = new LinkedHashSet<>();
        families.add(notes.get(rng.nextInt(notes.size())).family());
        if (rng.nextDouble() < 0.6) {
            families.add(notes.get(rng.nextInt(notes.size())).family());
        }
        LinkedHashSet<String> fav = new LinkedHashSet<>();
        int wanted = 3 + rng.nextInt(4);
        int guard = 0;
        while (fav.size() < wanted && guard++ < 200) {
            Catalog.Note n = notes.get(rng.nextInt(notes.size()));
            if (families.contains(n.family()) || rng.nextDouble() < 0.15) {
                fav.add(n.id());
            }
        }
        LinkedHashSet<String> houses = new LinkedHashSet<>();
        int houseCount = 1 + rng.nextInt(3);
        while (houses.size() < Math.min(houseCount, catalog.houses().size())) {
            houses.add(
                    catalog.houses().get(rng.nextInt(catalog.houses().size())).id());
        }
        double budget = 40 + Math.abs(Catalog.gaussian(rng)) * 120;
        double activity = 1.0 / Math.pow(1 + rng.nextInt(50), 0.7);
        double engagement = Math.min(1.0, Math.max(0.05, 0.4 + 0.25 * Catalog.gaussian(rng)));
        return new User(
                userId,
                List.copyOf(fav),
                List.copyOf(houses),
                budget,
                activity,
                engagement,
                rng.nextDouble() < 0.2,
                UserAgents.pickHumanIndex(rng));
    }

    /** A taste profile for an anonymous visitor (no userId). */
    public User visitor(SplittableRandom rng) {
        User u = profile(catalog, null, rng);
        return new User(
                null,
                u.favouriteNotes(),
                u.favouriteHouses(),
                u.budget(),
                u.activity(),
                u.engagement() * 0.7,
                false,
                u.device());
    }

    /**
     * The user's affinity for every perfume, indexed like {@link Catalog#perfumes()}; cached for registered users.
     * Do not modify the array.
     */
    public double[] affinities(User user) {
        if (user.userId() == null) {
            return computeAffinities(user);
        }
        return affinities.computeIfAbsent(user.userId(), id -> computeAffinities(user));
    }

    private double[] computeAffinities(User user) {
        List<Catalog.Perfume> perfumes = catalog.perfumes();
        double[] a = new double[perfumes.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = user.affinity(perfumes.get(i));
        }
        return a;
    }

    /** A registered user, heavy users more often. */
    public User pick(SplittableRandom rng) {
        double r = rng.nextDouble() * cumulativeActivity[cumulativeActivity.length - 1];
        int lo = 0;
        int hi = cumulativeActivity.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeActivity[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return users.get(lo);
    }

    public List<User> users() {
        return users;
    }

    public Catalog catalog() {
        return catalog;
    }
}
