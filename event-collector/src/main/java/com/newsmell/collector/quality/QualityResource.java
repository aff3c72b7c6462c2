package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.JsonConvention;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The data-quality view (issue #20, ADR 0041): thin, everything happens in {@link QualityService}. */
@Path("/v1/quality")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class QualityResource {

    private final QualityService quality;

    public QualityResource(QualityService quality) {
        this.quality = quality;
    }

    @GET
    @Operation(
            summary = "Accepted, rejected and dead-lettered events over time, grouped by eventType, rule, field, source"
                    + " or consumer",
            description = "Per bucket of [from, to) (hour: UTC hours; day: days of tz) and in totals: accepted (events"
                    + " in the raw store by timestamp), rejected (events the collector refused; grouped by rule or"
                    + " field, each violation counts, so an event breaking two rules counts under both) and"
                    + " deadLettered (records of the dead-letter topic from any service, by consumer and reason)."
                    + " Counted per minute in the collector's database, the same for every replica. source is the"
                    + " write key once keys exist, (none) before. from and to are required, on the granularity's"
                    + " grid.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    @APIResponse(
            responseCode = "200",
            description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QualityCounts")))
    public Uni<ObjectNode> counts(
            @BeanParam WindowParams window,
            @Parameter(
                            description = ApiDocs.GRANULARITY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"hour", "day"},
                                            defaultValue = "day"))
                    @QueryParam("granularity")
                    String granularity,
            @Parameter(
                            description = "Group the counts by this dimension",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"eventType", "rule", "field", "source", "consumer"}))
                    @QueryParam("groupBy")
                    String groupBy) {
        return quality.counts(window, granularity, groupBy);
    }

    @GET
    @Path("/samples")
    @Operation(
            summary = "The latest rejected bodies, masked, newest first",
            description = "Of one rule and / or event type when given. A body keeps its shape, JSON types, numbers,"
                    + " booleans and the contract's closed values; user ids, IPs, paths and every free-text string"
                    + " read ***(length). At most 20 are kept per rule, each for 7 days.")
    @APIResponse(
            responseCode = "200",
            description = "The samples",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "QualitySamples")))
    public Uni<ObjectNode> samples(
            @Parameter(description = "The rule broken (required, type, enum, range, format, max-length, ...)")
                    @QueryParam("rule")
                    String rule,
            @Parameter(description = "The event type the body named") @QueryParam("eventType") String eventType,
            @Parameter(
                            description = "At most this many samples: 1 to 1000, default 20",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
                    @QueryParam("limit")
                    String limit) {
        int n = QueryParams.integer("limit", limit, 20, 1, QueryParams.MAX_LIMIT);
        return quality.samples(QueryParams.blankToNull(rule), QueryParams.blankToNull(eventType), n)
                .map(samples -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    ArrayNode items = body.putArray("items");
                    for (QualityRepository.Sample s : samples) {
                        ObjectNode item = items.addObject()
                                .put("recordedAt", JsonConvention.format(s.recordedAt()))
                                .put("rule", s.rule());
                        if (!s.eventType().isEmpty()) {
                            item.put("eventType", s.eventType());
                        }
                        item.put("field", s.field());
                        item.set("body", parse(s.body()));
                    }
                    return body;
                });
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String body) {
        try {
            return EventCodec.mapper().readTree(body);
        } catch (Exception e) {
            return JsonNodeFactory.instance.textNode(body); // a truncated body stays text
        }
    }
}
