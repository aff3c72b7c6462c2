package com.newsmell.collector.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.schema.EventSchemas;
import com.newsmell.contract.schema.SchemaVer;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The event contract's published JSON Schemas (ADR 0040): the envelope's and each event type's, every version.
 * Read-only and served from the contract module's resources, so every replica answers the same.
 */
@Path("/v1/schemas")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String CURRENT = "public, max-age=300";

    private final EventSchemas schemas = EventSchemas.published();

    @GET
    @Operation(
            summary = "Every published schema: the envelope and each event type, with its current and earlier versions",
            description = "Answer: {schemas: [{name, current, versions: [{version, id, href}]}]}, the envelope first,"
                    + " then the event types in the contract's order. A version is SchemaVer MODEL-REVISION-ADDITION;"
                    + " an event's schemaVersion names its MODEL.")
    @APIResponse(
            responseCode = "200",
            description = "The schema index",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SchemaIndex"),
                            examples =
                                    @ExampleObject(
                                            name = "index",
                                            value = "{\"schemas\":[{\"name\":\"PAGE_VIEW\",\"current\":\"2-0-0\","
                                                    + "\"versions\":[{\"version\":\"1-0-0\",\"id\":"
                                                    + "\"https://schemas.newsmell.example/interaction/PAGE_VIEW/jsonschema/1-0-0\","
                                                    + "\"href\":\"/v1/schemas/PAGE_VIEW/1-0-0\"}]}]}")))
    public Response index() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("schemas");
        for (String name : schemas.names()) {
            ObjectNode entry = list.addObject();
            entry.put("name", name);
            entry.put("current", schemas.current(name).orElseThrow().toString());
            ArrayNode versions = entry.putArray("versions");
            for (SchemaVer v : schemas.versions(name)) {
                versions.addObject()
                        .put("version", v.toString())
                        .put("id", EventSchemas.id(name, v))
                        .put("href", "/v1/schemas/" + name + "/" + v);
            }
        }
        return Response.ok(body.toString()).header("Cache-Control", CURRENT).build();
    }

    @GET
    @Path("/{eventType}")
    @Operation(
            summary = "The current JSON Schema (2020-12) of an event type, or of the envelope",
            description = "The schema document itself ($id names its version), with descriptions and examples.")
    @APIResponse(
            responseCode = "200",
            description = "The schema",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JsonSchemaDocument")))
    @APIResponse(responseCode = "404", description = "No such event type")
    public Response current(
            @Parameter(description = "An event type (PAGE_VIEW, ...) or envelope", example = "PAGE_VIEW")
                    @PathParam("eventType")
                    String eventType) {
        SchemaVer version = schemas.current(eventType).orElseThrow(() -> notFound(eventType, null));
        return Response.ok(schemas.schema(eventType, version).orElseThrow().toString())
                .header("Cache-Control", CURRENT)
                .build();
    }

    @GET
    @Path("/{eventType}/{version}")
    @Operation(
            summary = "One version of an event type's JSON Schema",
            description = "Published versions never change, so the answer may be cached for good.")
    @APIResponse(
            responseCode = "200",
            description = "The schema",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JsonSchemaDocument")))
    @APIResponse(responseCode = "400", description = "The version is not MODEL-REVISION-ADDITION (rule format)")
    @APIResponse(responseCode = "404", description = "No such event type or version")
    public Response version(
            @Parameter(description = "An event type (PAGE_VIEW, ...) or envelope", example = "PAGE_VIEW")
                    @PathParam("eventType")
                    String eventType,
            @Parameter(description = "A SchemaVer, MODEL-REVISION-ADDITION", example = "2-0-0") @PathParam("version")
                    String version) {
        SchemaVer v = SchemaVer.parse(version)
                .orElseThrow(() -> new ProblemException(Problem.invalidQuery(
                        "version", "format", "'version' must be MODEL-REVISION-ADDITION, e.g. 2-0-0")));
        ObjectNode schema = schemas.schema(eventType, v).orElseThrow(() -> notFound(eventType, v));
        return Response.ok(schema.toString()).header("Cache-Control", IMMUTABLE).build();
    }

    private ProblemException notFound(String eventType, SchemaVer version) {
        boolean known = !schemas.versions(eventType).isEmpty();
        String detail = !known
                ? "No schema named " + abbreviate(eventType) + "; GET /v1/schemas lists them."
                : "No version " + version + " of " + eventType + "; published: " + schemas.versions(eventType);
        return new ProblemException(Problem.of(404, "schema-not-found", "Schema not found", detail));
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
