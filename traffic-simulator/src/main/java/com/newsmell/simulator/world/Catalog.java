package com.newsmell.simulator.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A synthetic perfume catalog: houses, notes (with their pyramid layer) and perfumes, each perfume with a house, a
 * type, a price, a popularity and open/heart/base notes. Fully deterministic from its seed and sizes.
 */
public final class Catalog {

    /** Layer of the olfactory pyramid; the names match {@code EngagementData.NOTE_TYPES}. */
    public enum Layer {
        OPEN("open"),
        HEART("heart"),
        BASE("base");

        private final String wireName;

        Layer(String wireName) {
            this.wireName = wireName;
        }

        /** The value used in {@code eventData.noteType}. */
        public String wireName() {
            return wireName;
        }
    }

    /** A note, e.g. {@code note-bergamot}, with its family and the layer it usually sits in. */
    public record Note(String id, String name, String family, Layer layer) {}

    /** A perfume house; {@code tier} 0 (budget) to 2 (niche/luxury) drives its prices. */
    public record House(String id, String name, String country, int tier) {}

    /** A perfume. {@code popularity} is a relative weight (Zipf-like), {@code quality} 0..1 drives its ratings. */
    public record Perfume(
            String id,
            String name,
            String houseId,
            String type,
            double price,
            int year,
            double popularity,
            double quality,
            List<String> openNotes,
            List<String> heartNotes,
            List<String> baseNotes) {

        /** All notes, open then heart then base. */
        public List<String> allNotes() {
            List<String> all = new ArrayList<>(openNotes);
            all.addAll(heartNotes);
            all.addAll(baseNotes);
            return all;
        }

        public List<String> notes(Layer layer) {
            return switch (layer) {
                case OPEN -> openNotes;
                case HEART -> heartNotes;
                case BASE -> baseNotes;
            };
        }
    }

    public static final int DEFAULT_HOUSES = 30;
    public static final int DEFAULT_PERFUMES = 400;
    public static final long DEFAULT_SEED = 1L;

    /** Perfume types (concentrations) and their relative frequency. */
    public static final List<String> TYPES =
            List.of("Eau de Parfum", "Eau de Toilette", "Parfum", "Extrait de Parfum", "Eau de Cologne");

    private static final double[] TYPE_WEIGHTS = {0.45, 0.3, 0.1, 0.08, 0.07};

    private static final String[][] NOTES = {
        // name, family, layer
        {"bergamot", "citrus", "OPEN"},
        {"lemon", "citrus", "OPEN"},
        {"grapefruit", "citrus", "OPEN"},
        {"mandarin", "citrus", "OPEN"},
        {"neroli", "citrus", "OPEN"},
        {"yuzu", "citrus", "OPEN"},
        {"pink pepper", "spicy", "OPEN"},
        {"cardamom", "spicy", "OPEN"},
        {"ginger", "spicy", "OPEN"},
        {"saffron", "spicy", "OPEN"},
        {"lavender", "aromatic", "OPEN"},
        {"mint", "aromatic", "OPEN"},
        {"basil", "aromatic", "OPEN"},
        {"apple", "fruity", "OPEN"},
        {"pear", "fruity", "OPEN"},
        {"blackcurrant", "fruity", "OPEN"},
        {"pineapple", "fruity", "OPEN"},
        {"sea salt", "aquatic", "OPEN"},
        {"rose", "floral", "HEART"},
        {"jasmine", "floral", "HEART"},
        {"iris", "floral", "HEART"},
        {"violet", "floral", "HEART"},
        {"tuberose", "floral", "HEART"},
        {"orange blossom", "floral", "HEART"},
        {"magnolia", "floral", "HEART"},
        {"peony", "floral", "HEART"},
        {"lily of the valley", "floral", "HEART"},
        {"ylang ylang", "floral", "HEART"},
        {"osmanthus", "floral", "HEART"},
        {"geranium", "floral", "HEART"},
        {"cinnamon", "spicy", "HEART"},
        {"nutmeg", "spicy", "HEART"},
        {"clove", "spicy", "HEART"},
        {"fig", "green", "HEART"},
        {"green tea", "green", "HEART"},
        {"coffee", "gourmand", "HEART"},
        {"vanilla", "gourmand", "BASE"},
        {"tonka bean", "gourmand", "BASE"},
        {"caramel", "gourmand", "BASE"},
        {"sandalwood", "woody", "BASE"},
        {"cedar", "woody", "BASE"},
        {"vetiver", "woody", "BASE"},
        {"patchouli", "woody", "BASE"},
        {"oud", "woody", "BASE"},
        {"guaiac wood", "woody", "BASE"},
        {"amber", "amber", "BASE"},
        {"benzoin", "amber", "BASE"},
        {"labdanum", "amber", "BASE"},
        {"incense", "amber", "BASE"},
        {"musk", "musky", "BASE"},
        {"ambroxan", "musky", "BASE"},
        {"leather", "leather", "BASE"},
        {"tobacco", "leather", "BASE"},
        {"oakmoss", "chypre", "BASE"},
    };

    private static final String[] HOUSE_PREFIXES = {
        "Maison", "Atelier", "Parfums", "Casa", "House of", "Studio", "Laboratoire", "Officina"
    };
    private static final String[] HOUSE_NAMES = {
        "Lumiere",
        "Cedre",
        "Solenne",
        "Aurelle",
        "Verdant",
        "Nocturne",
        "Castellane",
        "Ambrette",
        "Belmont",
        "Orsini",
        "Halcyon",
        "Marisol",
        "Valmont",
        "Celestine",
        "Ravenna",
        "Thistle",
        "Montclair",
        "Isola",
        "Seraphin",
        "Calloway",
        "Brume",
        "Santal",
        "Verbena",
        "Obsidian",
        "Meridian",
        "Olfacta",
        "Rosalind",
        "Kestrel",
        "Velours",
        "Ondine",
        "Fiora",
        "Tamsin"
    };
    private static final String[] COUNTRIES = {"FR", "IT", "GB", "US", "ES", "DE", "AE", "JP", "CH", "SE"};
    private static final String[] ADJECTIVES = {
        "Velvet", "Midnight", "Golden", "Silver", "Wild", "Secret", "Electric", "Silent", "Blue", "Black", "White",
        "Sacred", "Smoky", "Sweet", "Bitter", "Santal", "Imperial", "Noble", "Tender", "Solar", "Lunar", "Crimson",
        "Frozen", "Burning", "Hidden", "Eternal", "Private", "Royal", "Nomad", "Urban"
    };
    private static final String[] NOUNS = {
        "Oud", "Iris", "Rose", "Amber", "Garden", "Forest", "Desert", "Orchid", "Vetiver", "Musk", "Leather", "Tobacco",
        "Vanilla", "Tea", "Fig", "Citrus", "Bloom", "Ember", "Storm", "Harbor", "Reverie", "Elixir", "Veil", "Noir",
        "Journey", "Mirage", "Legend", "Dusk", "Dawn", "Tonic"
    };

    private final long seed;
    private final List<House> houses;
    private final List<Note> notes;
    private final List<Perfume> perfumes;
    private final Map<String, House> houseById = new LinkedHashMap<>();
    private final Map<String, Note> noteById = new LinkedHashMap<>();
    private final Map<String, Perfume> perfumeById = new LinkedHashMap<>();
    private final Map<String, String> searchText = new LinkedHashMap<>();
    private final Map<String, List<Perfume>> perfumesByHouse = new LinkedHashMap<>();
    private final Map<String, List<Perfume>> perfumesByNote = new LinkedHashMap<>();
    private final Map<String, Set<String>> noteSets = new LinkedHashMap<>();
    private final Map<String, Integer> perfumeIndex = new LinkedHashMap<>();
    private volatile float[][] similarities;

    private Catalog(long seed, List<House> houses, List<Note> notes, List<Perfume> perfumes) {
        this.seed = seed;
        this.houses = List.copyOf(houses);
        this.notes = List.copyOf(notes);
        this.perfumes = List.copyOf(perfumes);
        houses.forEach(h -> houseById.put(h.id(), h));
        notes.forEach(n -> noteById.put(n.id(), n));
        for (Perfume p : perfumes) {
            perfumeIndex.put(p.id(), perfumeIndex.size());
            perfumeById.put(p.id(), p);
            noteSets.put(p.id(), Set.copyOf(p.allNotes()));
            p.allNotes()
                    .forEach(n -> perfumesByNote
                            .computeIfAbsent(n, k -> new ArrayList<>())
                            .add(p));
            perfumesByHouse.computeIfAbsent(p.houseId(), k -> new ArrayList<>()).add(p);
            StringBuilder text = new StringBuilder(p.name())
                    .append(' ')
                    .append(houseById.get(p.houseId()).name())
                    .append(' ')
                    .append(p.type());
            p.allNotes().forEach(n -> text.append(' ').append(noteById.get(n).name()));
            searchText.put(p.id(), " " + text.toString().toLowerCase(Locale.ROOT) + " ");
        }
    }

    /** The default catalog: {@value #DEFAULT_HOUSES} houses, {@value #DEFAULT_PERFUMES} perfumes, seed 1. */
    public static Catalog standard() {
        return generate(DEFAULT_SEED, DEFAULT_HOUSES, DEFAULT_PERFUMES);
    }

    public static Catalog generate(long seed) {
        return generate(seed, DEFAULT_HOUSES, DEFAULT_PERFUMES);
    }

    /** Generates a catalog; same arguments, same catalog. */
    public static Catalog generate(long seed, int houseCount, int perfumeCount) {
        if (houseCount < 1 || perfumeCount < 1) {
            throw new IllegalArgumentException("a catalog needs at least one house and one perfume");
        }
        SplittableRandom rng = new SplittableRandom(seed);

        List<Note> notes = new ArrayList<>();
        for (String[] n : NOTES) {
            notes.add(new Note("note-" + n[0].replace(' ', '-'), n[0], n[1], Layer.valueOf(n[2])));
        }
        Map<Layer, List<Note>> byLayer = new LinkedHashMap<>();
        notes.forEach(
                n -> byLayer.computeIfAbsent(n.layer(), k -> new ArrayList<>()).add(n));

        List<String> houseNames = new ArrayList<>(Arrays.asList(HOUSE_NAMES));
        shuffle(houseNames, rng);
        List<House> houses = new ArrayList<>();
        Map<String, List<Note>> signatures = new LinkedHashMap<>();
        for (int i = 0; i < houseCount; i++) {
            String base = houseNames.get(i % houseNames.size());
            String name = HOUSE_PREFIXES[rng.nextInt(HOUSE_PREFIXES.length)] + " " + base
                    + (i >= houseNames.size() ? " " + (i / houseNames.size() + 1) : "");
            int tier = rng.nextDouble() < 0.3 ? 2 : rng.nextDouble() < 0.5 ? 1 : 0;
            House h = new House(
                    String.format(Locale.ROOT, "house-%03d", i + 1),
                    name,
                    COUNTRIES[rng.nextInt(COUNTRIES.length)],
                    tier);
            houses.add(h);
            // Each house has a few signature notes that its perfumes favour.
            List<Note> signature = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                signature.add(notes.get(rng.nextInt(notes.size())));
            }
            signatures.put(h.id(), signature);
        }

        List<Perfume> perfumes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < perfumeCount; i++) {
            // Houses get perfumes unevenly: the first houses are the big ones.
            House house = houses.get(Math.min(houseCount - 1, (int) (houseCount * Math.pow(rng.nextDouble(), 1.6))));
            String name;
            int attempt = 0;
            do {
                name = ADJECTIVES[rng.nextInt(ADJECTIVES.length)] + " " + NOUNS[rng.nextInt(NOUNS.length)]
                        + (attempt > 5 ? " " + (attempt - 4) : "");
                attempt++;
            } while (!names.add(house.id() + "|" + name));
            String type = TYPES.get(weighted(TYPE_WEIGHTS, rng));
            double basePrice = switch (house.tier()) {
                case 2 -> 160 + rng.nextDouble() * 240;
                case 1 -> 80 + rng.nextDouble() * 90;
                default -> 25 + rng.nextDouble() * 55;
            };
            double typeFactor = switch (type) {
                case "Extrait de Parfum", "Parfum" -> 1.35;
                case "Eau de Toilette" -> 0.8;
                case "Eau de Cologne" -> 0.65;
                default -> 1.0;
            };
            double price = Math.round(basePrice * typeFactor) - 0.01;
            List<Note> signature = signatures.get(house.id());
            List<String> open = pickNotes(byLayer.get(Layer.OPEN), signature, 2 + rng.nextInt(2), rng);
            List<String> heart = pickNotes(byLayer.get(Layer.HEART), signature, 2 + rng.nextInt(2), rng);
            List<String> base = pickNotes(byLayer.get(Layer.BASE), signature, 2 + rng.nextInt(2), rng);
            double popularity = 1.0 / Math.pow(i + 1, 0.8);
            double quality = Math.min(1.0, Math.max(0.0, 0.55 + 0.2 * gaussian(rng)));
            perfumes.add(new Perfume(
                    String.format(Locale.ROOT, "prf-%04d", i + 1),
                    name,
                    house.id(),
                    type,
                    price,
                    1985 + rng.nextInt(41),
                    popularity,
                    quality,
                    open,
                    heart,
                    base));
        }
        return new Catalog(seed, houses, notes, perfumes);
    }

    private static List<String> pickNotes(List<Note> layer, List<Note> signature, int count, SplittableRandom rng) {
        LinkedHashSet<String> picked = new LinkedHashSet<>();
        for (Note s : signature) {
            if (layer.contains(s) && rng.nextDouble() < 0.6 && picked.size() < count) {
                picked.add(s.id());
            }
        }
        while (picked.size() < count) {
            picked.add(layer.get(rng.nextInt(layer.size())).id());
        }
        return List.copyOf(picked);
    }

    /** An index drawn with probability proportional to its weight (the last one if rounding leaves none). */
    public static int weighted(double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal value drawn from {@code rng} (two draws). */
    public static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = Math.max(rng.nextDouble(), 1e-12);
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, rng.nextInt(i + 1));
        }
    }

    public long seed() {
        return seed;
    }

    public List<House> houses() {
        return houses;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Perfume> perfumes() {
        return perfumes;
    }

    public House house(String id) {
        return Objects.requireNonNull(houseById.get(id), () -> "unknown house " + id);
    }

    public Note note(String id) {
        return Objects.requireNonNull(noteById.get(id), () -> "unknown note " + id);
    }

    public Perfume perfume(String id) {
        return Objects.requireNonNull(perfumeById.get(id), () -> "unknown perfume " + id);
    }

    public List<Perfume> perfumesOf(String houseId) {
        return perfumesByHouse.getOrDefault(houseId, List.of());
    }

    /** Perfumes having the note in any layer. */
    public List<Perfume> perfumesWithNote(String noteId) {
        return perfumesByNote.getOrDefault(noteId, List.of());
    }

    /** Position of the perfume in {@link #perfumes()}. */
    public int indexOf(String perfumeId) {
        return Objects.requireNonNull(perfumeIndex.get(perfumeId), () -> "unknown perfume " + perfumeId);
    }

    /**
     * Full-text search as the site would do it: every query word must occur (as a word prefix) in the perfume's
     * name, house, type or note names. Results are ordered by popularity, most popular first.
     */
    public List<Perfume> search(String query) {
        return search(query, p -> true);
    }

    /** {@link #search(String)} restricted by a filter. */
    public List<Perfume> search(String query, Predicate<Perfume> filter) {
        String[] words = query == null
                ? new String[0]
                : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Perfume> out = new ArrayList<>();
        for (Perfume p : perfumes) {
            String text = searchText.get(p.id());
            boolean all = true;
            for (String w : words) {
                if (!w.isEmpty() && !text.contains(" " + w)) {
                    all = false;
                    break;
                }
            }
            if (all && filter.test(p)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> Double.compare(b.popularity(), a.popularity()));
        return out;
    }

    /** Jaccard similarity of two perfumes' notes, plus a bonus for the same house; 0..1 (precomputed). */
    public double similarity(Perfume a, Perfume b) {
        float[][] m = similarities;
        if (m == null) {
            m = computeSimilarities();
        }
        return m[indexOf(a.id())][indexOf(b.id())];
    }

    private synchronized float[][] computeSimilarities() {
        if (similarities == null) {
            int n = perfumes.size();
            float[][] m = new float[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    float s = (float) computeSimilarity(perfumes.get(i), perfumes.get(j));
                    m[i][j] = s;
                    m[j][i] = s;
                }
            }
            similarities = m;
        }
        return similarities;
    }

    private double computeSimilarity(Perfume a, Perfume b) {
        Set<String> nb = noteSets.get(b.id());
        Set<String> na = noteSets.get(a.id());
        int inter = 0;
        for (String n : na) {
            if (nb.contains(n)) {
                inter++;
            }
        }
        int union = na.size() + nb.size() - inter;
        double j = union == 0 ? 0 : (double) inter / union;
        return Math.min(1.0, j + (a.houseId().equals(b.houseId()) ? 0.2 : 0));
    }
}
