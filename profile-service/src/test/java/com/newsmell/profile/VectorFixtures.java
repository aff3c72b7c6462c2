package com.newsmell.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.infra.Sql;
import com.newsmell.profile.features.VectorText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The similarity and segments tests' synthetic users: vectors written as the vector stage writes them, and the API. */
public final class VectorFixtures {

    private static final String DB = ProfileTestResource.DATABASE;

    private VectorFixtures() {}

    /** Inserts vectors as the vector stage would (the table is the vector stage's; these tests own its rows). */
    public static void insertVectors(Map<String, double[]> vectors, int schemaVersion, LocalDate asOf) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "insert into user_feature_vector (user_id, schema_version, as_of, vector, computed_at,"
                        + " account_age_days, account_age_source) values ");
        for (Map.Entry<String, double[]> e : vectors.entrySet()) {
            if (!params.isEmpty()) {
                sql.append(',');
            }
            sql.append("(?, ?, cast(? as date), ?, now(), 0, 'first-event')");
            params.add(e.getKey());
            params.add(schemaVersion);
            params.add(asOf.toString());
            params.add(VectorText.write(e.getValue()));
        }
        sql.append(" on conflict (user_id) do update set schema_version = excluded.schema_version,"
                + " as_of = excluded.as_of, vector = excluded.vector, computed_at = excluded.computed_at");
        Sql.query(DB, sql.toString(), params.toArray());
    }

    /**
     * Empties what these tests own: vectors, neighbours and segments (the feature store's tests compute their own
     * vectors in each test, through the job).
     */
    public static void clear() {
        Sql.query(DB, "delete from user_similar");
        Sql.query(DB, "delete from user_segment");
        Sql.query(DB, "delete from user_feature_vector");
    }

    /** The newest feature schema version, made through the API (POST /v1/features/schema/versions) when none is. */
    public static int newestSchemaVersion() {
        var schema = given().get("/v1/features/schema");
        return schema.statusCode() == 200
                ? schema.jsonPath().getInt("version")
                : given().contentType("application/json")
                        .body("")
                        .post("/v1/features/schema/versions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getInt("version");
    }

    /** Inserts a segment of the far week 2999-12-29 (no segmentation makes one), of this size; answers its id. */
    public static String insertFarWeekSegment(int size) {
        String segmentId = "2999-12-29-" + (1000 + new Random().nextInt(1_000_000));
        Sql.query(
                DB,
                "insert into user_segment (segment_id, week, number, schema_version, size, centroid,"
                        + " distinctive_features, computed_at) values (?, date '2999-12-29', ?, 1, ?, '[0.5]', '[]',"
                        + " now())",
                segmentId,
                Integer.parseInt(segmentId.substring(11)),
                size);
        return segmentId;
    }

    public static void runJob(String job, String now) {
        given().queryParam("now", now)
                .post("/v1/jobs/" + job + "/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }

    /** A 200 answer as Jackson reads it (numbers with a fraction as doubles). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String path) {
        return given().get(path).then().statusCode(200).extract().as(Map.class);
    }
}
