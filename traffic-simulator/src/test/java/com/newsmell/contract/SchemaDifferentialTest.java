package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.schema.EventSchemas;
import com.newsmell.contract.schema.JsonSchemaValidation;
import com.newsmell.simulator.journey.JourneyGenerator;
import com.newsmell.simulator.traffic.EventStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The collector's validator ({@link EventParser}) and a maintained JSON Schema validator (networknt, 2020-12) reading
 * the published schemas agree, accept or reject, on a corpus of events (ADR 0040): what the traffic simulator
 * produces, the schemas' examples, every invalid case of the validation tests, and mutations of them (a field
 * removed, given the wrong JSON type, out of range, too long, or an extra field added). Both modes: a submission
 * ({@code parse}) against the current model, a stored event ({@code decode}) against model 1.
 *
 * <p>Two rules are beyond JSON Schema and checked by the collector alone (the schemas say so in {@code $comment}):
 * eventData's serialized size ({@code max-size} at {@code /eventData}) and {@code priceRange.min <= max}. A case the
 * collector rejects for those alone is counted apart, never as an agreement. So is a stored model-2 event that
 * lacks only its {@code sessionId} or {@code path}: since Segment-spec ingest (ADR 0061) the collector stores such
 * events (identified by their anonymousId or userId) and every consumer reads them, while model 1's stored schema,
 * released before, requires both.
 */
class SchemaDifferentialTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonSchemaValidation SCHEMAS = new JsonSchemaValidation();

    @Test
    void theValidatorAndTheSchemasAgreeOnTheCorpus() {
        Map<String, JsonNode> corpus = corpus();
        List<String> disagreements = new ArrayList<>();
        int beyond = 0;
        int sessionless = 0;
        int accepted = 0;
        for (var entry : corpus.entrySet()) {
            for (int model : new int[] {2, 1}) {
                JsonNode event = entry.getValue();
                ParseResult java = model == 2 ? EventParser.parse(event) : EventParser.decode(event);
                boolean schemaValid = SCHEMAS.eventErrors(event, model).isEmpty();
                if (java.valid() == schemaValid) {
                    accepted += java.valid() ? 1 : 0;
                    continue;
                }
                if (!java.valid() && schemaValid && beyondJsonSchema(java.violations())) {
                    beyond++;
                    continue;
                }
                if (model == 1 && java.valid() && onlySessionOrPath(SCHEMAS.eventErrors(event, model))) {
                    sessionless++;
                    continue;
                }
                disagreements.add("model " + model + " " + entry.getKey() + ": validator "
                        + (java.valid() ? "accepts" : "rejects " + java.violations()) + ", schema "
                        + (schemaValid ? "accepts" : "rejects " + SCHEMAS.eventErrors(event, model)));
            }
        }
        System.out.printf(
                "schema differential: %d events x 2 modes, %d accepted by both, %d rejected by the collector only for"
                        + " rules beyond JSON Schema, %d stored without sessionId or path (ADR 0061), %d"
                        + " disagreements%n",
                corpus.size(), accepted, beyond, sessionless, disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(disagreements).as("disagreements").isEmpty();
        assertThat(accepted).as("the corpus is not all rejections").isGreaterThan(1_000);
        assertThat(beyond).as("the beyond-schema rules are exercised").isPositive();
    }

    /** Whether model 1's stored schema refuses the event only for its sessionId or path (ADR 0061). */
    private static boolean onlySessionOrPath(List<?> schemaErrors) {
        return !schemaErrors.isEmpty()
                && schemaErrors.stream()
                        .map(Object::toString)
                        .allMatch(e -> e.startsWith("/sessionId")
                                || e.startsWith("/path")
                                || e.contains("required property 'sessionId'")
                                || e.contains("required property 'path'"));
    }

    private static boolean beyondJsonSchema(List<Violation> violations) {
        return violations.stream()
                .allMatch(v ->
                        (v.rule().equals(Violation.RULE_MAX_SIZE) && v.pointer().equals("/eventData"))
                                || (v.rule().equals(Violation.RULE_RANGE)
                                        && v.pointer().equals("/eventData/filters/priceRange")));
    }

    /** Named events: the base events, then every mutation of the per-type bases and of a simulator sample. */
    static Map<String, JsonNode> corpus() {
        Map<String, JsonNode> corpus = new LinkedHashMap<>();
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
        List<UserInteractionEvent> simulated =
                new EventStream(JourneyGenerator.create(20, 200, 0.05).randomizedShare(0.2), 30, clock).next(1_200);
        Set<InteractionEventType> simulatedTypes = EnumSet.noneOf(InteractionEventType.class);
        for (int i = 0; i < simulated.size(); i++) {
            simulatedTypes.add(simulated.get(i).eventType());
            corpus.put("simulator #" + i, EventCodec.toJsonNode(simulated.get(i)));
        }
        assertThat(simulatedTypes.size()).as("types the simulator produces").isGreaterThanOrEqualTo(20);
        EventParserInvalidTest.invalidEvents()
                .forEach(a -> corpus.put("invalid case " + a.get()[0], (JsonNode) a.get()[1]));
        List<ObjectNode> bases = new ArrayList<>();
        for (InteractionEventType type : InteractionEventType.values()) {
            ObjectNode minimal = TestEvents.event(type.name(), "{}");
            corpus.put("minimal " + type, minimal);
            bases.add(minimal);
            for (String name : List.of(EventSchemas.ENVELOPE, type.name())) {
                EventSchemas.published()
                        .versions(name)
                        .forEach(v -> EventSchemas.published()
                                .schema(name, v)
                                .orElseThrow()
                                .path("examples")
                                .forEach(e -> corpus.put("example " + name + " " + v + " " + e.path("eventType"), e)));
            }
            corpus.values().stream()
                    .filter(e -> e.path("eventType").asText().equals(type.name())
                            && e.path("eventData").size() > 1)
                    .findFirst()
                    .ifPresent(e -> bases.add((ObjectNode) e));
        }
        for (int i = 0; i < simulated.size(); i += 97) {
            bases.add(EventCodec.toJsonNode(simulated.get(i)));
        }
        for (ObjectNode base : bases) {
            String name = base.path("eventType").asText() + "#" + Integer.toHexString(base.hashCode());
            mutate(name, base, base, "", corpus);
        }
        for (InteractionEventType type : InteractionEventType.values()) {
            // schemaVersion as a SchemaVer or an integer model (ADR 0040), well- and ill-formed
            for (String version : List.of(
                    "2-1-0", "2-0-0", "1-0-0", "2-0-12", "3-0-0", "0-0-0", "2.1.0", "02-0-0", "2-1", "2-1-0 ")) {
                corpus.put(
                        "schemaVersion \"" + version + "\" " + type,
                        TestEvents.event(type.name(), "{}").put("schemaVersion", version));
            }
        }
        corpus.put(
                "priceRange min above max",
                TestEvents.event("SEARCH_PERFORMED", "{\"filters\":{\"priceRange\":{\"min\":9,\"max\":1}}}"));
        return corpus;
    }

    /** Every mutation of each field of {@code object} (a part of {@code root} at {@code pointer}), recursively. */
    private static void mutate(
            String name, ObjectNode root, ObjectNode object, String pointer, Map<String, JsonNode> out) {
        ObjectNode extra = root.deepCopy();
        at(extra, pointer).set("extraField", F.objectNode().put("nested", "x"));
        out.put(name + " extra " + pointer + "/extraField", extra);
        for (String field : iterable(object)) {
            String p = pointer + "/" + field;
            JsonNode value = object.get(field);
            List<JsonNode> variants = new ArrayList<>();
            variants.add(null); // removed
            variants.add(F.nullNode());
            variants.add(value.isTextual() ? F.numberNode(42) : F.textNode("42"));
            variants.add(value.isBoolean() ? F.textNode("true") : F.booleanNode(true));
            variants.add(value.isObject() ? F.arrayNode() : F.objectNode());
            if (value.isNumber()) {
                variants.add(F.numberNode(-1));
                variants.add(F.numberNode(0));
                variants.add(F.numberNode(0.5));
                variants.add(F.numberNode(5.01));
                variants.add(F.numberNode(101));
                variants.add(F.numberNode(3_000_000_000L));
            }
            if (value.isTextual()) {
                variants.add(F.textNode(""));
                variants.add(F.textNode("   "));
                variants.add(F.textNode("x".repeat(129)));
                variants.add(F.textNode("😀".repeat(128)));
                variants.add(F.textNode("x".repeat(2_049)));
                variants.add(F.textNode("not-a-valid-value"));
                variants.add(F.textNode("a\u0000b"));
                variants.add(F.textNode("a\ud800b"));
            }
            if (value.isArray()) {
                variants.add(F.arrayNode().add(1));
                variants.add(F.arrayNode().addNull());
            }
            for (JsonNode variant : variants) {
                ObjectNode copy = root.deepCopy();
                ObjectNode target = at(copy, pointer);
                if (variant == null) {
                    target.remove(field);
                } else {
                    target.set(field, variant);
                }
                out.put(name + " " + p + " = " + (variant == null ? "(removed)" : abbreviate(variant)), copy);
            }
            if (value.isObject() && value.size() > 0) {
                mutate(name, root, (ObjectNode) value, p, out);
            }
        }
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return pointer.isEmpty() ? root : (ObjectNode) root.at(pointer);
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + ")" : s;
    }
}
