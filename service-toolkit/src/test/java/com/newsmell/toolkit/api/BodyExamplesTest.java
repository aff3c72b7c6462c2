package com.newsmell.toolkit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class BodyExamplesTest {

    private static Schema type(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    private static OpenAPI document(Schema body, Schema view) {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("SessionView", view))
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/v1/sessions",
                                OASFactory.createPathItem()
                                        .GET(OASFactory.createOperation()
                                                .responses(OASFactory.createAPIResponses()
                                                        .addAPIResponse(
                                                                "200",
                                                                OASFactory.createAPIResponse()
                                                                        .content(OASFactory.createContent()
                                                                                .addMediaType(
                                                                                        "application/json",
                                                                                        OASFactory.createMediaType()
                                                                                                .schema(body))))))));
    }

    @Test
    void aReferencedComponentGetsAnExampleOfItsShapeInTheSeedsVocabulary() {
        Schema view = type(Schema.SchemaType.OBJECT)
                .addProperty("sessionId", type(Schema.SchemaType.STRING))
                .addProperty("startTime", type(Schema.SchemaType.STRING).format("date-time"))
                .addProperty("bounceRate", type(Schema.SchemaType.NUMBER).maximum(BigDecimal.ONE))
                .addProperty("pageViews", type(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(100)))
                .addProperty("old", type(Schema.SchemaType.STRING).deprecated(true))
                .addProperty("tags", type(Schema.SchemaType.ARRAY).items(type(Schema.SchemaType.STRING)));
        OpenAPI doc = document(OASFactory.createSchema().ref("#/components/schemas/SessionView"), view);

        new BodyExamples().filterOpenAPI(doc);

        assertEquals(
                Map.of(
                        "sessionId",
                        "session-7f3a9c",
                        "startTime",
                        ExampleVocabulary.INSTANT,
                        "bounceRate",
                        0.25,
                        "pageViews",
                        100L,
                        "tags",
                        List.of("tag-1")),
                view.getExample());
    }

    @Test
    void aListBodyBecomesAComponentAndAHandWrittenExampleIsKept() {
        Schema view = type(Schema.SchemaType.OBJECT)
                .addProperty("userId", type(Schema.SchemaType.STRING))
                .example(Map.of("userId", "user-7"));
        OpenAPI doc = document(
                type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref("#/components/schemas/SessionView")),
                view);

        new BodyExamples().filterOpenAPI(doc);

        Schema list = doc.getComponents().getSchemas().get("SessionViewList");
        assertNotNull(list);
        assertEquals(List.of(Map.of("userId", "user-7")), list.getExample());
        assertEquals(Map.of("userId", "user-7"), view.getExample());
    }
}
