package com.newsmell.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.ErasureAck;
import com.newsmell.infra.Erasures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADR 0032: every erasure statement of the service runs against its schema and the request is acknowledged. */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class ErasureTest {

    @Test
    void anErasureIsAcknowledgedForEveryTableGroup() {
        ErasureAck ack =
                Erasures.awaitAck(Erasures.request("erase-" + UUID.randomUUID()), "recommendation-feedback-service");

        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup()).containsOnlyKeys("ledger", "conversions", "viewer-sessions");
    }
}
