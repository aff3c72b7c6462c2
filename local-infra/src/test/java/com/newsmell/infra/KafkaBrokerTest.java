package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;

class KafkaBrokerTest {

    /** A cluster id starting with '-' was once read as an option by kafka-storage format. */
    @RepeatedTest(500)
    void clusterIdsNeverLookLikeOptions() {
        String id = KafkaBroker.clusterId();
        assertEquals(22, id.length());
        assertTrue(Character.isLetterOrDigit(id.charAt(0)), id);
    }
}
