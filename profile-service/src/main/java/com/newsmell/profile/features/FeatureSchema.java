package com.newsmell.profile.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.api.JsonConvention;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the feature schema, frozen: the layout it was made for, its features (position, name, group,
 * description, normalisation with its constants) and its vocabulary. Vectors of different versions are never compared
 * (every stored vector carries its version). Its JSON ({@link #toJson}) is stored with the version and served by
 * {@code GET /v1/features/schema}.
 *
 * @param createdBy {@code bootstrap} (the first run made it), {@code command} (POST /v1/features/schema/versions) or
 *     {@code layout-change} (a run of code with another layout)
 */
public record FeatureSchema(
        int version,
        String layout,
        Instant createdAt,
        String createdBy,
        List<FeatureDefinition> features,
        Vocabulary vocabulary) {

    /** Prices as written (10.00 stays 10.00): exact decimals in, plain decimals out. */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    public FeatureSchema {
        features = List.copyOf(features);
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).position() != i) {
                throw new IllegalArgumentException("feature " + features.get(i).name() + " is not at position " + i);
            }
        }
    }

    /** The code's layout with these caps and this vocabulary, as version {@code version}. */
    public static FeatureSchema of(
            int version, Vocabulary vocabulary, Map<String, Double> caps, Instant createdAt, String createdBy) {
        return new FeatureSchema(
                version, FeatureLayout.LAYOUT, createdAt, createdBy, FeatureLayout.withCaps(caps), vocabulary);
    }

    public int length() {
        return features.size();
    }

    public List<String> names() {
        return features.stream().map(FeatureDefinition::name).toList();
    }

    /** Name → position. */
    public Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (FeatureDefinition f : features) {
            positions.put(f.name(), f.position());
        }
        return positions;
    }

    /** Whether vectors of this version can be computed by this code. */
    public boolean currentLayout() {
        return FeatureLayout.LAYOUT.equals(layout);
    }

    /** The schema as stored and served. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", version);
        root.put("layout", layout);
        root.put("createdAt", JsonConvention.format(createdAt));
        root.put("createdBy", createdBy);
        root.put("length", features.size());
        ArrayNode list = root.putArray("features");
        for (FeatureDefinition f : features) {
            ObjectNode node = list.addObject();
            node.put("position", f.position());
            node.put("name", f.name());
            node.put("group", f.group().name());
            node.put("description", f.description());
            ObjectNode n = node.putObject("normalisation");
            Normalisation norm = f.normalisation();
            n.put("kind", norm.kind().name());
            if (norm.cap() != null) {
                n.put("cap", norm.cap());
            }
            if (norm.min() != null) {
                n.put("min", norm.min());
                n.put("max", norm.max());
            }
            n.put("formula", norm.formula());
        }
        ObjectNode vocabularyNode = root.putObject("vocabulary");
        ArrayNode notes = vocabularyNode.putArray("notes");
        for (int i = 0; i < FeatureLayout.NOTE_SLOTS; i++) {
            ObjectNode slot = notes.addObject().put("feature", FeatureLayout.noteSlot(i));
            if (i < vocabulary.notes().size()) {
                slot.put("noteId", vocabulary.notes().get(i));
            }
        }
        ArrayNode houses = vocabularyNode.putArray("houses");
        for (int i = 0; i < FeatureLayout.HOUSE_SLOTS; i++) {
            ObjectNode slot = houses.addObject().put("feature", FeatureLayout.houseSlot(i));
            if (i < vocabulary.houses().size()) {
                slot.put("houseId", vocabulary.houses().get(i));
            }
        }
        ArrayNode types = vocabularyNode.putArray("perfumeTypes");
        for (int i = 0; i <= vocabulary.perfumeTypes().size(); i++) {
            ObjectNode slot = types.addObject().put("feature", FeatureLayout.typeSlot(i));
            if (i < vocabulary.perfumeTypes().size()) {
                slot.put("perfumeType", vocabulary.perfumeTypes().get(i));
            }
        }
        ArrayNode points = vocabularyNode.putArray("pricePoints");
        vocabulary.pricePoints().forEach(points::add);
        return root;
    }

    public static FeatureSchema fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        List<FeatureDefinition> features = new ArrayList<>();
        for (JsonNode node : root.get("features")) {
            JsonNode n = node.get("normalisation");
            Normalisation norm = new Normalisation(
                    Normalisation.Kind.valueOf(n.get("kind").asText()),
                    n.has("cap") ? n.get("cap").asDouble() : null,
                    n.has("min") ? n.get("min").asDouble() : null,
                    n.has("max") ? n.get("max").asDouble() : null);
            features.add(new FeatureDefinition(
                    node.get("position").asInt(),
                    node.get("name").asText(),
                    FeatureGroup.valueOf(node.get("group").asText()),
                    node.get("description").asText(),
                    norm));
        }
        JsonNode v = root.get("vocabulary");
        List<String> notes = new ArrayList<>();
        v.get("notes").forEach(slot -> {
            if (slot.has("noteId")) {
                notes.add(slot.get("noteId").asText());
            }
        });
        List<String> houses = new ArrayList<>();
        v.get("houses").forEach(slot -> {
            if (slot.has("houseId")) {
                houses.add(slot.get("houseId").asText());
            }
        });
        List<String> types = new ArrayList<>();
        v.get("perfumeTypes").forEach(slot -> {
            if (slot.has("perfumeType")) {
                types.add(slot.get("perfumeType").asText());
            }
        });
        List<BigDecimal> points = new ArrayList<>();
        v.get("pricePoints").forEach(p -> points.add(p.decimalValue()));
        return new FeatureSchema(
                root.get("version").asInt(),
                root.get("layout").asText(),
                Instant.parse(root.get("createdAt").asText()),
                root.get("createdBy").asText(),
                features,
                new Vocabulary(notes, houses, types, points));
    }
}
