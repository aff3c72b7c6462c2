package com.newsmell.collector.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.schema.EventSchemas;
import com.newsmell.contract.schema.SchemaVer;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Puts the event contract's JSON Schemas (ADR 0040) into the collector's OpenAPI document at build time: the
 * envelope ({@code EventEnvelope}) and one component per event type (its name), each the current version's schema
 * with its references pointed at the components; {@code InteractionEventSubmission}, {@code oneOf} them with a
 * discriminator on {@code eventType}, so that a generator produces one type per event; and one named example per
 * event type on {@code POST /v1/events}. Read from the same resources {@code GET /v1/schemas} serves.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EventContractOpenApi implements OASFilter {

    /** The component that is any event a client may submit. */
    public static final String SUBMISSION = "InteractionEventSubmission";

    static final String ENVELOPE = "EventEnvelope";
    private static final String COMPONENTS = "#/components/schemas/";
    private static final String DEFS = "#/$defs/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        EventSchemas schemas = EventSchemas.published();
        SchemaVer envelopeVersion = schemas.current(EventSchemas.ENVELOPE).orElseThrow();
        ObjectNode envelope =
                schemas.schema(EventSchemas.ENVELOPE, envelopeVersion).orElseThrow();
        for (var it = envelope.path("$defs").fields(); it.hasNext(); ) {
            var def = it.next();
            openAPI.getComponents()
                    .addSchema(
                            defName(def.getKey()),
                            schema(rewriteRefs(def.getValue().deepCopy())));
        }
        openAPI.getComponents().addSchema(ENVELOPE, schema(component(envelope)));

        Schema submission = OASFactory.createSchema()
                .description("Any event a client may submit: one of the event types' schemas (GET /v1/schemas),"
                        + " chosen by eventType.");
        var discriminator = OASFactory.createDiscriminator().propertyName("eventType");
        Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples = new LinkedHashMap<>();
        List<Schema> oneOf = new ArrayList<>();
        for (InteractionEventType type : InteractionEventType.values()) {
            String name = type.name();
            ObjectNode schema =
                    schemas.schema(name, schemas.current(name).orElseThrow()).orElseThrow();
            openAPI.getComponents().addSchema(name, schema(component(schema)));
            oneOf.add(OASFactory.createSchema().ref(COMPONENTS + name));
            discriminator.addMapping(name, COMPONENTS + name);
            examples.put(
                    name,
                    OASFactory.createExample()
                            .summary(name)
                            .value(plain(schema.path("examples").get(0))));
        }
        submission.oneOf(oneOf).discriminator(discriminator);
        openAPI.getComponents().addSchema(SUBMISSION, submission);

        if (openAPI.getPaths() != null) {
            PathItem events = openAPI.getPaths().getPathItem("/v1/events");
            if (events != null && events.getPOST() != null) {
                requestExamples(events.getPOST(), examples);
            }
        }
    }

    private static void requestExamples(
            Operation post, Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples) {
        if (post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            return;
        }
        MediaType json = post.getRequestBody().getContent().getMediaType("application/json");
        if (json != null) {
            json.setExamples(examples);
        }
    }

    /** The schema as a component: no $schema / $id (their base would change how refs resolve); refs to components. */
    private static JsonNode component(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        String id = copy.path("$id").asText();
        copy.remove("$schema");
        copy.remove("$id");
        copy.remove("$defs");
        String comment = copy.path("$comment").asText("");
        copy.put(
                "$comment",
                (comment.isEmpty() ? "" : comment + " ") + "Published as " + id + " (GET /v1/schemas/"
                        + id.substring(EventSchemas.BASE.length()).replace("/jsonschema/", "/") + ").");
        return rewriteRefs(copy);
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual()) {
                String r = ref.textValue();
                if (r.startsWith(DEFS)) {
                    o.set("$ref", TextNode.valueOf(COMPONENTS + defName(r.substring(DEFS.length()))));
                } else if (r.startsWith(EventSchemas.BASE + EventSchemas.ENVELOPE + "/")) {
                    o.set("$ref", TextNode.valueOf(COMPONENTS + ENVELOPE));
                }
            }
            o.forEach(EventContractOpenApi::rewriteRefs);
        } else if (node.isArray()) {
            node.forEach(EventContractOpenApi::rewriteRefs);
        }
        return node;
    }

    private static String defName(String def) {
        return "EventEnvelope" + Character.toUpperCase(def.charAt(0)) + def.substring(1);
    }

    /** A JSON Schema as the OpenAPI model holds it: every keyword kept as plain maps, lists and values. */
    @SuppressWarnings("unchecked")
    private static Schema schema(JsonNode json) {
        Schema schema = OASFactory.createSchema();
        schema.setAll((Map<String, Object>) plain(json));
        return schema;
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.textValue();
    }
}
