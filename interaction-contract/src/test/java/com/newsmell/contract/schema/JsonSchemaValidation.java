package com.newsmell.contract.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.InteractionEventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published schemas as a maintained JSON Schema validator ({@code com.networknt:json-schema-validator}, 2020-12,
 * format assertions on) reads them: every {@code $id} resolved from this module's resources, never over the network.
 * An event is checked against the schema of its {@code eventType} (the OpenAPI discriminator's choice), or the
 * envelope's when the type is missing or unknown.
 */
public final class JsonSchemaValidation {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(JsonSchemaValidation::load)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The errors of {@code json} against the schema {@code name} at {@code version}; empty when valid. */
    public List<Error> errors(String name, SchemaVer version, String json) {
        Schema schema = schemas.computeIfAbsent(
                EventSchemas.id(name, version), id -> registry.getSchema(SchemaLocation.of(id)));
        return schema.validate(json, InputFormat.JSON);
    }

    /** The errors of an event against the schema its eventType names, in the given model (1 or 2). */
    public List<Error> eventErrors(JsonNode event, int model) {
        JsonNode type = event == null ? null : event.get("eventType");
        String name = type != null
                        && type.isTextual()
                        && InteractionEventType.fromName(type.textValue()).isPresent()
                ? type.textValue()
                : EventSchemas.ENVELOPE;
        SchemaVer version = EventSchemas.published().versions(name).stream()
                .filter(v -> v.model() == model)
                .reduce((a, b) -> b)
                .orElseThrow();
        return errors(name, version, text(event));
    }

    private static String text(JsonNode node) {
        try {
            return EventCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String load(String iri) {
        String resource = EventSchemas.resourceOf(iri).orElse(null);
        if (resource == null) {
            return null;
        }
        try (InputStream in = JsonSchemaValidation.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
