package com.newsmell.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One perfume of the catalog: a record of {@link Topics#PERFUME_CATALOG}, keyed by {@link #perfumeId()} (ADR 0016).
 * Parsed strictly by {@link PerfumeCatalogParser}; written by {@link #toJson()} in the wire format:
 *
 * <pre>{@code
 * {"perfumeId":"p-1","name":"Velvet Oud","houseId":"h-1","houseName":"Maison Lumiere",
 *  "notes":[{"noteId":"note-bergamot","name":"bergamot","layer":"top","category":"citrus"}],
 *  "perfumeType":"Eau de Parfum","concentration":"eau-de-parfum","launchYear":2019,
 *  "price":{"amount":92.00,"currency":"EUR"},"originalPrice":{"amount":100,"currency":"USD"},"version":3}
 * }</pre>
 *
 * @param perfumeId the perfume; the record's key
 * @param name the perfume's name
 * @param houseId the house (brand)
 * @param houseName the house's name
 * @param notes the olfactory pyramid, in order (may be empty)
 * @param perfumeType the perfume's type as the platform names it (free text, e.g. {@code Eau de Parfum})
 * @param concentration one of {@link Concentration}
 * @param launchYear the year of launch, or {@code null} when unknown
 * @param price the price, in the collector's base currency once stored (ADR 0016)
 * @param originalPrice the price as submitted when it was converted, else {@code null}; only the collector sets it
 * @param version the platform's version of this entry; a consumer ignores a record older than the one it holds
 */
public record PerfumeCatalogEntry(
        String perfumeId,
        String name,
        String houseId,
        String houseName,
        List<Note> notes,
        String perfumeType,
        Concentration concentration,
        Integer launchYear,
        Price price,
        Price originalPrice,
        long version) {

    public PerfumeCatalogEntry {
        Objects.requireNonNull(perfumeId, "perfumeId");
        Objects.requireNonNull(price, "price");
        notes = List.copyOf(notes);
    }

    /** One note of the pyramid. */
    public record Note(String noteId, String name, NoteLayer layer, NoteCategory category) {}

    /** An amount (at most 2 decimals once stored) in an ISO-4217 currency (three capital letters). */
    public record Price(BigDecimal amount, String currency) {

        /** The amount in a canonical scale (at least 2 decimals, no trailing zero beyond them), so equal prices are equal. */
        public Price {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            amount = amount.stripTrailingZeros();
            if (amount.scale() < 2) {
                amount = amount.setScale(2);
            }
        }
    }

    /** The layer of the olfactory pyramid a note sits in. */
    public enum NoteLayer {
        TOP,
        HEART,
        BASE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The documented, closed list of olfactory families a note belongs to (ADR 0016). {@code amber} is the family
     * formerly called oriental; {@code chypre} is the bergamot–oakmoss–labdanum accord.
     */
    public enum NoteCategory {
        FLORAL,
        WOODY,
        CITRUS,
        AMBER,
        FRESH,
        FRUITY,
        GOURMAND,
        SPICY,
        GREEN,
        AQUATIC,
        MUSKY,
        LEATHER,
        POWDERY,
        AROMATIC,
        CHYPRE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The concentration, by its wire name ({@code eau-de-parfum}, ...). */
    public enum Concentration {
        EXTRAIT_DE_PARFUM,
        PARFUM,
        EAU_DE_PARFUM,
        EAU_DE_TOILETTE,
        EAU_DE_COLOGNE,
        EAU_FRAICHE,
        BODY_MIST,
        PERFUME_OIL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Concentration> fromWireName(String name) {
            return Arrays.stream(values())
                    .filter(c -> c.wireName().equals(name))
                    .findFirst();
        }
    }

    /** Thrown by {@link #fromJson} for a value that is not a valid catalog entry; the violations say why. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final transient List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super("invalid perfume-catalog record: "
                    + violations.stream().limit(5).map(Violation::toString).toList());
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** The Kafka key. */
    public String key() {
        return perfumeId;
    }

    /** This entry with its price replaced (the collector's conversion); the submitted price becomes originalPrice. */
    public PerfumeCatalogEntry withPrice(Price converted, Price original) {
        return new PerfumeCatalogEntry(
                perfumeId,
                name,
                houseId,
                houseName,
                notes,
                perfumeType,
                concentration,
                launchYear,
                converted,
                original,
                version);
    }

    /** The wire JSON, fields in the documented order; {@code launchYear} and {@code originalPrice} when set. */
    public String toJson() {
        return toJsonNode().toString();
    }

    public ObjectNode toJsonNode() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("perfumeId", perfumeId);
        o.put("name", name);
        o.put("houseId", houseId);
        o.put("houseName", houseName);
        ArrayNode n = o.putArray("notes");
        for (Note note : notes) {
            n.addObject()
                    .put("noteId", note.noteId())
                    .put("name", note.name())
                    .put("layer", note.layer().wireName())
                    .put("category", note.category().wireName());
        }
        o.put("perfumeType", perfumeType);
        o.put("concentration", concentration.wireName());
        if (launchYear != null) {
            o.put("launchYear", launchYear);
        }
        o.set("price", price(price));
        if (originalPrice != null) {
            o.set("originalPrice", price(originalPrice));
        }
        o.put("version", version);
        return o;
    }

    private static ObjectNode price(Price p) {
        return JsonNodeFactory.instance.objectNode().put("amount", p.amount()).put("currency", p.currency());
    }

    /**
     * Parses and checks a record's value as stored ({@link PerfumeCatalogParser#decode}).
     *
     * @throws Invalid naming every field and the rule it broke
     */
    public static PerfumeCatalogEntry fromJson(String value) {
        if (value == null) {
            throw new Invalid(List.of(new Violation("", Violation.RULE_REQUIRED, "the value is null (a tombstone)")));
        }
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new Invalid(List.of(new Violation("", Violation.RULE_FORMAT, "not valid JSON")));
        }
        PerfumeCatalogParser.Result result = PerfumeCatalogParser.decode(node);
        if (!result.valid()) {
            throw new Invalid(result.violations());
        }
        return result.entry();
    }
}
