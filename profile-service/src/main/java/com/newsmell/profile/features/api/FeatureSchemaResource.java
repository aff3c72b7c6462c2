package com.newsmell.profile.features.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.profile.features.HistoricalRequest;
import com.newsmell.profile.features.store.FeatureSchemaRepository;
import com.newsmell.profile.features.store.FeatureSchemaService;
import com.newsmell.profile.features.store.FeatureStoreService;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feature store's schema and its point-in-time join (issue #12, ADR 0021). */
@Path("/v1/features")
public class FeatureSchemaResource {

    /** JSON Lines, the point-in-time join's request and answer. */
    public static final String NDJSON = "application/x-ndjson";

    private final FeatureSchemaService schemas;
    private final FeatureStoreService store;
    private final int maxRows;
    private final int maxBytes;

    public FeatureSchemaResource(
            FeatureSchemaService schemas, FeatureStoreService store, com.newsmell.profile.config.ProfileConfig config) {
        this.schemas = schemas;
        this.store = store;
        this.maxRows = config.features().historical().maxRows();
        this.maxBytes = config.features().historical().maxBytes();
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/schema")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The feature schema: every feature's position, name, group, description and normalisation, and"
                    + " the frozen vocabulary",
            description = "The newest version (or ?version=), as frozen when it was made; newest says whether it is"
                    + " the one runs compute, computedThrough the last run day that computed it. 404 before any"
                    + " version exists (the first run of the profiles job makes version 1).")
    @APIResponse(
            responseCode = "200",
            description = "The feature schema version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FeatureSchemaDocument")))
    public Uni<ObjectNode> schema(
            @QueryParam("version")
                    @Parameter(
                            description = "A version (default: the newest).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String version) {
        Integer requested = FeatureParams.version("version", version);
        return schemas.latest().chain(latest -> {
            if (latest == null) {
                throw FeatureParams.notFound(new FeatureStoreService.Lookup.Missing(
                        FeatureStoreService.NO_SCHEMA,
                        "No feature schema version exists yet: the first run of the profiles job makes version 1"
                                + " (or POST /v1/features/schema/versions)."));
            }
            Uni<FeatureSchemaRepository.StoredVersion> stored =
                    requested == null ? Uni.createFrom().item(latest) : schemas.version(requested);
            return stored.map(s -> {
                if (s == null) {
                    throw FeatureParams.notFound(new FeatureStoreService.Lookup.Missing(
                            FeatureStoreService.NO_SCHEMA, "There is no feature schema version " + requested + "."));
                }
                return view(s, s.schema().version() == latest.schema().version());
            });
        });
    }

    private static ObjectNode view(FeatureSchemaRepository.StoredVersion stored, boolean newest) {
        ObjectNode node = stored.schema().toJson();
        node.put("newest", newest);
        if (stored.computedThrough() != null) {
            node.put("computedThrough", stored.computedThrough().toString());
        }
        return node;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/schema/versions")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Makes the next feature schema version (the explicit way to change the vocabulary or the caps)",
            description = "The layout with the configured caps (newsmell.profile.features.caps.*) and a vocabulary:"
                    + " the body may pin notes (up to 25 noteIds), houses (up to 15 houseIds) and pricePoints"
                    + " (ascending prices at evenly spaced quantiles); what it leaves out is derived from the catalog"
                    + " copy and the rollups (the most engaged notes and houses; the catalog's prices every 5 %). The"
                    + " next run of the profiles job computes every user's vector in it. Answers 201 with the new"
                    + " schema.")
    @APIResponse(
            responseCode = "201",
            description = "The new version's schema (as GET /v1/features/schema?version= answers it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FeatureSchemaDocument")))
    public Uni<Response> bump(
            @RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "FeatureSchemaPins")))
                    byte[] body) {
        FeatureSchemaService.Pins pins = FeatureParams.pins(body);
        return schemas.bump(pins)
                .map(schema -> Response.created(URI.create("/v1/features/schema?version=" + schema.version()))
                        .type(MediaType.APPLICATION_JSON)
                        .entity(schema.toJson().put("newest", true).toString())
                        .build());
    }

    @POST
    @RolesAllowed(Roles.ANALYST)
    @Path("/historical")
    @Consumes({NDJSON, MediaType.APPLICATION_JSON})
    @Produces(NDJSON)
    @Operation(
            summary = "Point-in-time join: each row's vector as known at its timestamp, streamed as JSON Lines",
            description = "Body: rows {\"userId\", \"timestamp\"} as JSON Lines (application/x-ndjson) or one JSON"
                    + " array (application/json), at most 100,000 (413 above; a bad row is a 400 naming its index)."
                    + " Answer: one line per row, in the rows' order: {userId, timestamp, schemaVersion, asOf,"
                    + " computedAt, accountAgeDays, accountAgeSource, vector}, the latest snapshot of the version with"
                    + " asOf at or before the timestamp's UTC day and computedAt at or before the timestamp; or"
                    + " {userId, timestamp, schemaVersion, vector: null, reason} with reason unknown-user,"
                    + " before-retention, version-superseded or no-snapshot. ADR 0021.")
    @APIResponse(
            responseCode = "200",
            description = "One JSON line per row, in the rows' order",
            content = @Content(mediaType = NDJSON, schema = @Schema(ref = "HistoricalVector")))
    @APIResponse(responseCode = "413", description = "More rows or bytes than a request may hold")
    public Multi<Buffer> historical(
            @RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = NDJSON, schema = @Schema(ref = "HistoricalRow")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(ref = "HistoricalRows"))
                            })
                    byte[] body,
            @QueryParam("schemaVersion")
                    @Parameter(
                            description = "The schema version of the vectors (default: the newest); rows are never"
                                    + " answered with another version's vector.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String schemaVersion) {
        Integer version = FeatureParams.version("schemaVersion", schemaVersion);
        if (body != null && body.length > maxBytes) {
            throw new ProblemException(HistoricalBodySize.tooLarge(maxBytes));
        }
        HistoricalRequest request = new HistoricalRequest(body);
        request.validate(maxRows);
        return store.joinContext(version).onItem().transformToMulti(context -> {
            if (context instanceof FeatureStoreService.Lookup.Missing missing) {
                return Multi.createFrom().failure(FeatureParams.notFound(missing));
            }
            return store.join(request, (FeatureStoreService.JoinContext) context);
        });
    }
}
