package com.newsmell.toolkit.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents every error answer of every operation in the OpenAPI (ADR 0015): 400 (a parameter or body broke a rule),
 * 404 (no such resource) on paths with a path parameter, 406 (an Accept the endpoint cannot answer), 414, 500 and
 * 503, each application/problem+json with the Problem schema; and defines every tag the operations use.
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> ALWAYS = Map.of(
            "400",
            "A parameter or the body broke a rule: errors[] names each (parameter or pointer) and its rule",
            "406",
            "The Accept header asks for a type this endpoint does not produce (it produces application/json and,"
                    + " for lists and metrics, text/csv)",
            "414",
            "The request URI is longer than 8 KiB",
            "500",
            "The server could not handle the request (never for what a client sent)",
            "503",
            "A dependency (Kafka, PostgreSQL) is unavailable; retry after Retry-After when given");

    private static final Map<String, String> REFUSALS = Map.of(
            "401",
            "No valid bearer token (missing, expired, badly signed, another issuer): problem+json with"
                    + " WWW-Authenticate: Bearer",
            "403",
            "The token's roles do not include this endpoint's (analyst: reads; admin: changes) (problem+json)");

    /** The descriptions smallrye-openapi gives the 401 and 403 it adds. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        defineTags(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParameter = path.getKey().contains("{");
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                for (Map.Entry<String, String> e : ALWAYS.entrySet()) {
                    add(responses, e.getKey(), e.getValue());
                }
                if (hasPathParameter) {
                    add(responses, "404", "No resource with this id (problem+json)");
                }
                refusals(operation, responses);
            }
        }
    }

    /**
     * The refusals of an endpoint that takes a bearer token (ADR 0063; smallrye-openapi adds 401 and 403 without a
     * body to every {@code @RolesAllowed} operation) and the write-key endpoints' 401 (ADR 0065): problem+json.
     */
    private static void refusals(Operation operation, APIResponses responses) {
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        for (Map.Entry<String, String> e : REFUSALS.entrySet()) {
            var existing = responses.getAPIResponse(e.getKey());
            if (existing != null && GENERIC.contains(existing.getDescription())) {
                existing.setDescription(e.getValue());
            }
            if (existing != null || secured) {
                add(responses, e.getKey(), e.getValue());
            }
        }
    }

    /** Every tag an operation uses is defined at the top (Spectral's operation-tag-defined), in order of use. */
    private static void defineTags(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        java.util.Set<String> defined = new java.util.HashSet<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> defined.add(t.getName()));
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getTags() != null) {
                    for (String tag : operation.getTags()) {
                        if (defined.add(tag)) {
                            openAPI.addTag(OASFactory.createTag().name(tag));
                        }
                    }
                }
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            var existing = responses.getAPIResponse(code);
            if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    private static Schema problemSchema() {
        Schema error = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "parameter",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The query or path parameter that broke the rule"))
                .addProperty(
                        "pointer",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("RFC 6901 pointer to the body field that broke the rule"))
                .addProperty(
                        "rule",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The rule: required, format, type, range, enum, unknown, repeated, grid,"
                                        + " after-from, max-range, zone, ..."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(error));
    }
}
