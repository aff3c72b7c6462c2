package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.contract.ReplayAck.PartitionOutcomes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replay acknowledgement's JSON, with and without outcomes per offset (ADR 0059). */
class ReplayAckTest {

    @Test
    void outcomesPerOffsetSurviveTheRoundTrip() {
        ReplayAck ack = new ReplayAck(
                "r",
                "s",
                "0@5",
                4,
                2,
                1,
                1,
                List.of(new PartitionOutcomes(0, 5, "a-dl"), new PartitionOutcomes(3, 0, "a")));
        assertThat(ReplayAck.fromJson(ack.toJson())).isEqualTo(ack);
        assertThat(ack.partitions().get(0).end()).isEqualTo(9);
    }

    @Test
    void anAcknowledgementWithoutOutcomesReadsAsBefore() {
        ReplayAck ack = new ReplayAck("r", "s", "0@0", 3, 2, 0, 1);
        assertThat(ack.toJson()).doesNotContain("partitions");
        assertThat(ReplayAck.fromJson(ack.toJson())).isEqualTo(ack);
    }

    @Test
    void malformedOutcomesAreRefused() {
        for (String partitions : List.of(
                "[{\"partition\":0,\"first\":-1,\"outcomes\":\"a\"}]",
                "[{\"partition\":0,\"first\":0,\"outcomes\":\"x\"}]",
                "[{\"partition\":\"zero\",\"first\":0,\"outcomes\":\"a\"}]")) {
            assertThatThrownBy(() -> ReplayAck.fromJson("{\"replayId\":\"r\",\"partitions\":" + partitions + "}"))
                    .as(partitions)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
