package com.newsmell.archiver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay producer's settings: plaintext locally, SCRAM-SHA-512 over TLS with a login (ADR 0076). */
class ReplayProducerTest {

    @Test
    void withoutALoginTheProducerIsPlaintextAndIdempotent() {
        assertThat(ReplayProducer.settings("localhost:9092", Optional.empty(), Optional.empty()))
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type");
    }

    @Test
    void withALoginTheProducerAuthenticatesOverTlsAgainstTheClusterCa() {
        String login = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"event-archiver\""
                + " password=\"secret\";";
        String ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        assertThat(ReplayProducer.settings("kafka-kafka-bootstrap:9093", Optional.of(login), Optional.of(ca)))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", login)
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", ca)
                .containsEntry("acks", "all");
    }
}
