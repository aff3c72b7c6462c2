package com.newsmell.toolkit.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents every JSON body of a service's OpenAPI document (issue #20, the {@code documented-bodies} rule of
 * {@code tools/openapi-lint}), at build time: a body that is a list of a component becomes a component of its own
 * ({@code <Item>List}), and every component a body references that has no example written by hand gets one built
 * from its schema ({@link ExampleValues}): the same shape as the answer by construction, with values in the seed's
 * vocabulary, checked against the schema by Spectral's {@code oas3-valid-schema-example}. An example written on the
 * component or the media type is kept as it is.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BodyExamples implements OASFilter {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> bodies = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    collect(operation.getRequestBody().getContent(), openAPI, bodies);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((code, response) -> {
                        if (code.startsWith("2")) {
                            collect(response.getContent(), openAPI, bodies);
                        }
                    });
                }
            }
        }
        ExampleValues values = new ExampleValues(components);
        for (String name : bodies) {
            Schema component = components.get(name);
            if (component != null && component.getExample() == null && component.getExamples() == null) {
                Object example = values.of(component);
                if (example != null) {
                    component.setExample(example);
                }
            }
        }
    }

    private static void collect(Content content, OpenAPI openAPI, Set<String> bodies) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (!type.contains("json") || media.getSchema() == null || hasExample(media)) {
                return;
            }
            Schema schema = media.getSchema();
            String item = schema.getItems() == null ? null : schema.getItems().getRef();
            if (schema.getRef() == null && item != null && item.startsWith(COMPONENTS)) {
                String name = item.substring(COMPONENTS.length()) + "List";
                if (!openAPI.getComponents().getSchemas().containsKey(name)) {
                    openAPI.getComponents()
                            .addSchema(
                                    name,
                                    OASFactory.createSchema()
                                            .addType(Schema.SchemaType.ARRAY)
                                            .items(OASFactory.createSchema().ref(item)));
                }
                media.setSchema(OASFactory.createSchema().ref(COMPONENTS + name));
            }
            String ref = media.getSchema().getRef();
            if (ref != null && ref.startsWith(COMPONENTS)) {
                bodies.add(ref.substring(COMPONENTS.length()));
            }
        });
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null
                || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    /** An example value built from a schema: one item per array, every property but the deprecated ones. */
    static final class ExampleValues {

        private static final int MAX_DEPTH = 8;
        private final Map<String, Schema> components;

        ExampleValues(Map<String, Schema> components) {
            this.components = components;
        }

        Object of(Schema schema) {
            return value(null, schema, 0, new HashSet<>());
        }

        private Object value(String name, Schema schema, int depth, Set<String> visiting) {
            if (schema == null || depth > MAX_DEPTH) {
                return null;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(COMPONENTS)) {
                String ref = schema.getRef().substring(COMPONENTS.length());
                if (!visiting.add(ref)) {
                    return null;
                }
                try {
                    Schema target = components.get(ref);
                    if (target != null && target.getExample() != null) {
                        return target.getExample();
                    }
                    return value(name, target, depth + 1, visiting);
                } finally {
                    visiting.remove(ref);
                }
            }
            if (schema.getExample() != null) {
                return schema.getExample();
            }
            if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
                return schema.getEnumeration().get(0);
            }
            if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
                return value(name, schema.getAllOf().get(0), depth + 1, visiting);
            }
            if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
                return value(name, schema.getOneOf().get(0), depth + 1, visiting);
            }
            List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
            if (types.contains(Schema.SchemaType.ARRAY) || schema.getItems() != null) {
                Object item = value(singular(name), schema.getItems(), depth + 1, visiting);
                List<Object> list = new ArrayList<>();
                if (item != null) {
                    list.add(item);
                }
                return list;
            }
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                Map<String, Object> object = new LinkedHashMap<>();
                schema.getProperties().forEach((property, propertySchema) -> {
                    if (!Boolean.TRUE.equals(propertySchema.getDeprecated())) {
                        Object v = value(property, propertySchema, depth + 1, visiting);
                        if (v != null) {
                            object.put(property, v);
                        }
                    }
                });
                return object;
            }
            if (types.contains(Schema.SchemaType.OBJECT)) {
                Schema values = schema.getAdditionalPropertiesSchema();
                Map<String, Object> object = new LinkedHashMap<>();
                if (values != null) {
                    Object v = value(name, values, depth + 1, visiting);
                    if (v != null) {
                        object.put(ExampleVocabulary.key(name), v);
                    }
                }
                return object;
            }
            if (types.contains(Schema.SchemaType.BOOLEAN)) {
                return ExampleVocabulary.bool(name);
            }
            if (types.contains(Schema.SchemaType.INTEGER)) {
                return clamp(schema, BigDecimal.valueOf(ExampleVocabulary.integer(name)))
                        .longValue();
            }
            if (types.contains(Schema.SchemaType.NUMBER)) {
                return clamp(schema, BigDecimal.valueOf(ExampleVocabulary.number(name)))
                        .doubleValue();
            }
            if (types.contains(Schema.SchemaType.STRING) || types.isEmpty()) {
                return ExampleVocabulary.string(name, schema.getFormat());
            }
            return null;
        }

        private static BigDecimal clamp(Schema schema, BigDecimal value) {
            BigDecimal v = value;
            if (schema.getMinimum() != null && v.compareTo(schema.getMinimum()) < 0) {
                v = schema.getMinimum();
            }
            if (schema.getMaximum() != null && v.compareTo(schema.getMaximum()) > 0) {
                v = schema.getMaximum();
            }
            return v;
        }

        private static String singular(String name) {
            if (name == null) {
                return null;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("ies")) {
                return name.substring(0, name.length() - 3) + "y";
            }
            return lower.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        }
    }
}
