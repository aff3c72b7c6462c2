package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.PerfumeCatalogEntry.Concentration;
import com.newsmell.contract.PerfumeCatalogEntry.Note;
import com.newsmell.contract.PerfumeCatalogEntry.NoteCategory;
import com.newsmell.contract.PerfumeCatalogEntry.NoteLayer;
import com.newsmell.contract.PerfumeCatalogEntry.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates one perfume catalog entry, strictly (ADR 0016), in one of two modes:
 *
 * <ul>
 *   <li>{@link #parse} — a submission to the collector: {@code originalPrice} is the collector's to set, so it is an
 *       unknown field here;
 *   <li>{@link #decode} — a record as stored on {@link Topics#PERFUME_CATALOG}: {@code originalPrice} allowed.
 * </ul>
 *
 * <p>Every violation is collected with its RFC 6901 pointer (relative to the entry) and its rule:
 *
 * <ul>
 *   <li>the node must be an object ({@code ""} / {@code type}); a member the type does not define: {@code unknown}
 *       (at the entry, in a note, in a price);
 *   <li>{@code perfumeId}, {@code houseId}, {@code notes/i/noteId}: required non-blank strings of at most {@link
 *       Limits#MAX_ID_LENGTH} characters ({@code required}, {@code type}, {@code max-length});
 *   <li>{@code name}, {@code houseName}, {@code perfumeType}, {@code notes/i/name}: required non-blank strings of at
 *       most {@link Limits#MAX_SHORT_TEXT_LENGTH} characters;
 *   <li>{@code notes}: required array of at most {@link #MAX_NOTES} note objects (may be empty; {@code max-size});
 *       {@code layer} one of {@code top|heart|base}, {@code category} one of {@link NoteCategory} ({@code enum});
 *   <li>{@code concentration}: required, one of {@link Concentration}'s wire names ({@code enum});
 *   <li>{@code launchYear}: optional integer {@value #MIN_YEAR}..{@value #MAX_YEAR} ({@code range});
 *   <li>{@code price} (and {@code originalPrice}): required object; {@code amount} a number from 0 to {@value
 *       #MAX_AMOUNT} ({@code range}: a negative price is refused); {@code currency} three capital letters
 *       ({@code format});
 *   <li>{@code version}: required integer {@code >= 0};
 *   <li>a JSON {@code null} counts as absent; a string that cannot be stored ({@link StorableText}) rejects the
 *       entry with only those violations.
 * </ul>
 */
public final class PerfumeCatalogParser {

    public static final int MAX_NOTES = 100;
    public static final int MIN_YEAR = 1700;
    public static final int MAX_YEAR = 2100;
    public static final long MAX_AMOUNT = 1_000_000_000L;

    static final Set<String> FIELDS = Set.of(
            "perfumeId",
            "name",
            "houseId",
            "houseName",
            "notes",
            "perfumeType",
            "concentration",
            "launchYear",
            "price",
            "version");
    static final Set<String> NOTE_FIELDS = Set.of("noteId", "name", "layer", "category");
    static final Set<String> PRICE_FIELDS = Set.of("amount", "currency");

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Set<String> LAYERS = wireNames(NoteLayer.values());
    private static final Set<String> CATEGORIES = wireNames(NoteCategory.values());
    private static final Set<String> CONCENTRATIONS =
            Arrays.stream(Concentration.values()).map(Concentration::wireName).collect(Collectors.toSet());

    /** Outcome of a parse: the entry, or {@code null} with at least one violation. */
    public record Result(PerfumeCatalogEntry entry, List<Violation> violations) {
        public Result {
            violations = List.copyOf(violations);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private PerfumeCatalogParser() {}

    /** A submission: {@code originalPrice} is not a field a client may send. */
    public static Result parse(JsonNode node) {
        return parse(node, false);
    }

    /** A record as stored: {@code originalPrice} allowed. */
    public static Result decode(JsonNode node) {
        return parse(node, true);
    }

    private static Result parse(JsonNode node, boolean stored) {
        List<Violation> v = new ArrayList<>();
        FieldReader r = FieldReader.root(node, "a perfume catalog entry", v);
        if (r == null) {
            return new Result(null, v);
        }
        unknown(r, stored ? withOriginalPrice() : FIELDS);

        String perfumeId = requiredString(r, "perfumeId", Limits.MAX_ID_LENGTH);
        String name = requiredString(r, "name", Limits.MAX_SHORT_TEXT_LENGTH);
        String houseId = requiredString(r, "houseId", Limits.MAX_ID_LENGTH);
        String houseName = requiredString(r, "houseName", Limits.MAX_SHORT_TEXT_LENGTH);
        List<Note> notes = notes(r);
        String perfumeType = requiredString(r, "perfumeType", Limits.MAX_SHORT_TEXT_LENGTH);
        Concentration concentration = null;
        if (r.require("concentration")) {
            String c = r.enumString("concentration", CONCENTRATIONS);
            concentration = c == null ? null : Concentration.fromWireName(c).orElseThrow();
        }
        Integer launchYear = r.integer("launchYear", MIN_YEAR, MAX_YEAR);
        Price price = r.require("price") ? price(r, "price") : null;
        Price originalPrice = stored ? price(r, "originalPrice") : null;
        Long version = r.require("version") ? r.integral("version", 0, Long.MAX_VALUE) : null;

        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(
                new PerfumeCatalogEntry(
                        perfumeId,
                        name,
                        houseId,
                        houseName,
                        notes,
                        perfumeType,
                        concentration,
                        launchYear,
                        price,
                        originalPrice,
                        version),
                v);
    }

    private static List<Note> notes(FieldReader r) {
        if (!r.require("notes")) {
            return null;
        }
        JsonNode array = r.object().get("notes");
        if (!array.isArray()) {
            r.violation("notes", Violation.RULE_TYPE, "'notes' must be an array of note objects");
            return null;
        }
        if (array.size() > MAX_NOTES) {
            r.violation("notes", Violation.RULE_MAX_SIZE, "'notes' holds at most " + MAX_NOTES + " notes");
            return null;
        }
        List<Note> notes = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String pointer = r.pointer("notes") + "/" + i;
            if (!element.isObject()) {
                violations(r).add(new Violation(pointer, Violation.RULE_TYPE, "a note must be an object"));
                ok = false;
                continue;
            }
            List<Violation> before = new ArrayList<>();
            FieldReader n = new FieldReader((ObjectNode) element, pointer, before);
            unknown(n, NOTE_FIELDS);
            String noteId = requiredString(n, "noteId", Limits.MAX_ID_LENGTH);
            String name = requiredString(n, "name", Limits.MAX_SHORT_TEXT_LENGTH);
            String layer = n.require("layer") ? n.enumString("layer", LAYERS) : null;
            String category = n.require("category") ? n.enumString("category", CATEGORIES) : null;
            if (!before.isEmpty()) {
                violations(r).addAll(before);
                ok = false;
                continue;
            }
            notes.add(new Note(
                    noteId,
                    name,
                    NoteLayer.valueOf(layer.toUpperCase(Locale.ROOT)),
                    NoteCategory.valueOf(category.toUpperCase(Locale.ROOT))));
        }
        return ok ? notes : null;
    }

    private static Price price(FieldReader r, String field) {
        FieldReader p = r.nested(field);
        if (p == null) {
            return null;
        }
        int errors = violations(r).size();
        unknown(p, PRICE_FIELDS);
        BigDecimal amount = null;
        if (p.require("amount")) {
            JsonNode a = p.object().get("amount");
            if (!a.isNumber()) {
                p.violation("amount", Violation.RULE_TYPE, "'amount' must be a number");
            } else {
                BigDecimal value = a.decimalValue();
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
                    p.violation("amount", Violation.RULE_RANGE, "'amount' must be between 0 and " + MAX_AMOUNT);
                } else {
                    amount = value;
                }
            }
        }
        String currency = null;
        if (p.require("currency")) {
            currency = p.string("currency");
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                p.violation(
                        "currency",
                        Violation.RULE_FORMAT,
                        "'currency' must be an ISO-4217 code, three capital letters");
                currency = null;
            }
        }
        return violations(r).size() == errors && amount != null && currency != null
                ? new Price(amount, currency)
                : null;
    }

    private static void unknown(FieldReader r, Set<String> known) {
        for (Iterator<String> it = r.object().fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                r.violation(field, Violation.RULE_UNKNOWN, "'" + truncate(field) + "' is not a field of this type");
            }
        }
    }

    private static String requiredString(FieldReader r, String field, int maxLength) {
        if (!r.require(field)) {
            return null;
        }
        String s = r.string(field, maxLength);
        if (s != null && s.isBlank()) {
            r.violation(field, Violation.RULE_REQUIRED, "'" + field + "' must not be blank");
            return null;
        }
        return s;
    }

    private static Set<String> withOriginalPrice() {
        Set<String> fields = new LinkedHashSet<>(FIELDS);
        fields.add("originalPrice");
        return fields;
    }

    private static Set<String> wireNames(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    /** The list a reader reports to. */
    private static List<Violation> violations(FieldReader r) {
        return r.violations();
    }
}
