package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    /** A cluster id starting with '-' was once read as an option by kafka-storage format (1 draw in 32). */
    @Test
    void clusterIdsNeverLookLikeOptions() {
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.clusterId();
            assertEquals(22, id.length());
            assertTrue(Character.isLetterOrDigit(id.charAt(0)), id);
        }
    }
}
