package com.newsmell.toolkit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.ReplayAck.PartitionOutcomes;
import com.newsmell.contract.UserInteractionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch's tallies per tag, with each record's outcome by partition and offset (ADR 0059); pure. */
class BatchTallyTest {

    @Test
    void eachRecordsOutcomeIsGivenByItsOffsetAndOtherTagsAreNotOurs() {
        BatchTally.Counter counter = new BatchTally.Counter();
        int a = counter.received("r1", 0, 10);
        counter.received("r2", 0, 11);
        int c = counter.received("r1", 0, 12);
        int d = counter.received("r1", 0, 13);
        int e = counter.received("r1", 2, 5);
        counter.event("e-a", a);
        counter.event("e-c", c);
        counter.deadLettered(d);
        counter.event("e-e", e);
        counter.dropped(List.of(event("e-a"), event("e-c"), event("e-e")), List.of(event("e-a"), event("e-e")));
        counter.rejected("e-e");

        BatchTally r1 = counter.tallies().stream()
                .filter(t -> t.tag().equals("r1"))
                .findFirst()
                .orElseThrow();
        assertThat(r1.batch()).isEqualTo("0@10,2@5");
        assertThat(List.of(r1.received(), r1.applied(), r1.dropped(), r1.deadLettered()))
                .containsExactly(4L, 1L, 1L, 2L);
        assertThat(r1.partitions())
                .containsExactly(new PartitionOutcomes(0, 10, "a-dl"), new PartitionOutcomes(2, 5, "l"));
        assertThat(counter.tallies()).extracting(BatchTally::tag).containsExactly("r1", "r2");
    }

    // The live channel's counter (ADR 0071): nothing is counted, every mark is ignored, there are no tallies.
    @Test
    void theLiveChannelsCounterCountsNothing() {
        BatchTally.Counter counter = BatchTally.Counter.none();
        int a = counter.received("", 0, 10);
        counter.event("e-a", a);
        counter.deadLettered(a);
        counter.dropped(List.of(event("e-a")), List.of());
        counter.rejected("e-a");

        assertThat(a).isEqualTo(-1);
        assertThat(counter.tallies()).isEmpty();
    }

    private static UserInteractionEvent event(String id) {
        return new UserInteractionEvent(
                id, 1, null, "s", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
