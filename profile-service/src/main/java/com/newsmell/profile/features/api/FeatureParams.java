package com.newsmell.profile.features.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.features.FeatureLayout;
import com.newsmell.profile.features.store.FeatureSchemaService;
import com.newsmell.profile.features.store.FeatureStoreService;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The feature endpoints' parameters and bodies, each bad one a 400 problem naming it and its rule. */
final class FeatureParams {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeatureParams() {}

    /** A schema version (1 or more), or null when absent. */
    static Integer version(String name, String value) {
        return QueryParams.blank(value) ? null : QueryParams.integer(name, value, 0, 1, Integer.MAX_VALUE);
    }

    /** A day (YYYY-MM-DD) not after today (UTC), or null when absent. */
    static LocalDate asOf(String value, LocalDate today) {
        if (QueryParams.blank(value)) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw QueryParams.bad("asOf", "format", "asOf must be a date, YYYY-MM-DD.");
        }
        if (day.isBefore(LocalDate.of(1970, 1, 1))) {
            throw QueryParams.bad("asOf", "range", "asOf must be from 1970-01-01 on.");
        }
        if (day.isAfter(today)) {
            throw QueryParams.bad("asOf", "range", "asOf must not be in the future: today (UTC) is " + today + ".");
        }
        return day;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The 404 of a missing vector or schema, its type naming the reason. */
    static ProblemException notFound(FeatureStoreService.Lookup.Missing missing) {
        return new ProblemException(Problem.of(404, missing.reason(), title(missing.reason()), missing.detail()));
    }

    private static String title(String reason) {
        return switch (reason) {
            case FeatureStoreService.NO_SCHEMA -> "Feature schema not found";
            case "unknown-user" -> "Profile not found";
            case "before-retention" -> "Before the retention horizon";
            case "version-superseded" -> "Schema version superseded";
            default -> "Feature vector not found";
        };
    }

    /**
     * The body of POST /v1/features/schema/versions: empty, or {@code {"notes": [...], "houses": [...],
     * "pricePoints": [...]}}, each optional (absent: derived from the catalog copy and the rollups).
     */
    static FeatureSchemaService.Pins pins(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return FeatureSchemaService.Pins.NONE;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw bad("", "syntax", "The body is not well-formed JSON.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return FeatureSchemaService.Pins.NONE;
        }
        if (!root.isObject()) {
            throw bad("", "type", "The body must be an object {\"notes\", \"houses\", \"pricePoints\"}.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("notes", "houses", "pricePoints").contains(name)) {
                throw bad(
                        "/" + name,
                        "unknown",
                        "Unknown member " + name + "; the body takes notes, houses and" + " pricePoints.");
            }
        }
        return new FeatureSchemaService.Pins(
                ids(root.get("notes"), "notes", FeatureLayout.NOTE_SLOTS),
                ids(root.get("houses"), "houses", FeatureLayout.HOUSE_SLOTS),
                points(root.get("pricePoints")));
    }

    private static List<String> ids(JsonNode node, String name, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw bad("/" + name, "type", name + " must be an array of ids.");
        }
        if (node.size() > max) {
            throw bad("/" + name, "max-items", name + " has " + max + " slots.");
        }
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual() || id.asText().isBlank()) {
                throw bad("/" + name + "/" + i, "type", name + "[" + i + "] must be a non-blank id.");
            }
            if (!seen.add(id.asText())) {
                throw bad("/" + name + "/" + i, "unique", name + "[" + i + "] is named twice.");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static List<BigDecimal> points(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() == 1) {
            throw bad("/pricePoints", "type", "pricePoints must be an array of none or at least two prices.");
        }
        List<BigDecimal> points = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            if (!p.isNumber() || p.decimalValue().signum() < 0) {
                throw bad("/pricePoints/" + i, "type", "pricePoints[" + i + "] must be a price, 0 or more.");
            }
            if (i > 0 && p.decimalValue().compareTo(points.get(i - 1)) < 0) {
                throw bad("/pricePoints/" + i, "order", "pricePoints must not decrease.");
            }
            points.add(p.decimalValue());
        }
        return points;
    }

    private static ProblemException bad(String pointer, String rule, String message) {
        return new ProblemException(Problem.invalidParameter(pointer, rule, message));
    }
}
