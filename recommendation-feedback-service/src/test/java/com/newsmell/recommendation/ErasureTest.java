package com.newsmell.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.ErasureAck;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.Sql;
import com.newsmell.recommendation.training.TrainingExport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0032 and 0048: every erasure statement of the service runs against its schema and the request is acknowledged;
 * a training export already written loses the lines of the user and of the anonymous session stitched to the user
 * (found by their pseudonyms), its row count and SHA-256 follow, and the other viewer's line stays as it was.
 */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class ErasureTest {

    private static final String DB = FeedbackTestResource.DATABASE;
    private static final String KEY = "dev-only-pseudonym-key";

    @Test
    void anErasureIsAcknowledgedForEveryTableGroupAndRewritesTheExports() {
        String user = "erase-" + UUID.randomUUID();
        String other = "keep-" + UUID.randomUUID();
        String stitched = "anon-" + UUID.randomUUID();
        Sql.query(
                DB,
                "insert into viewer_session (session_id, user_id, identified_at) values (?, ?, now())",
                stitched,
                user);
        String kept = line(TrainingExport.pseudonym(KEY, "user:" + other), "r-2");
        String body = line(TrainingExport.pseudonym(KEY, "user:" + user), "r-1")
                + kept
                + line(TrainingExport.pseudonym(KEY, "anonymous:" + stitched), "r-3");
        long version = ((Number) Sql.query(
                                DB,
                                "insert into training_export (range_from, range_to, created_at, rows, sha256, body)"
                                        + " values (now() - interval '1 day', now(), now(), 3, ?, ?) returning version",
                                TrainingExport.sha256(body),
                                body)
                        .get(0)
                        .get("version"))
                .longValue();

        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "recommendation-feedback-service");

        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup())
                .containsOnlyKeys("training-exports", "ledger", "conversions", "viewer-sessions", "identity-links")
                .containsEntry("training-exports", 2L)
                .containsEntry("viewer-sessions", 1L);
        Map<String, Object> export = Sql.query(
                        DB, "select rows, sha256, body from training_export where version = ?", version)
                .get(0);
        assertThat(export.get("body")).isEqualTo(kept);
        assertThat(((Number) export.get("rows")).longValue()).isOne();
        assertThat(export.get("sha256")).isEqualTo(TrainingExport.sha256(kept));
    }

    private static String line(String viewer, String recommendationId) {
        return "{\"recommendationId\":\"" + recommendationId + "\",\"viewer\":\"" + viewer + "\",\"clicked\":false}\n";
    }
}
