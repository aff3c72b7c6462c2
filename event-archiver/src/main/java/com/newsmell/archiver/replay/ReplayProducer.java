package com.newsmell.archiver.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringSerializer;

/** The replay's producer: acknowledged by all in-sync replicas, idempotent, as the collector's (ADR 0045). */
public final class ReplayProducer {

    private ReplayProducer() {}

    public static Producer<String, String> create(
            String bootstrapServers, Optional<String> saslJaasConfig, Optional<String> truststoreCertificates) {
        return new KafkaProducer<>(
                settings(bootstrapServers, saslJaasConfig, truststoreCertificates),
                new StringSerializer(),
                new StringSerializer());
    }

    /**
     * The producer's settings. With a SASL login (a Kubernetes cluster, ADR 0076): SCRAM-SHA-512 over TLS, the brokers
     * checked against the given PEM certificates; without one (locally): plaintext.
     */
    static Map<String, Object> settings(
            String bootstrapServers, Optional<String> saslJaasConfig, Optional<String> truststoreCertificates) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.CLIENT_ID_CONFIG,
                "event-archiver-replay"));
        saslJaasConfig.ifPresent(login -> {
            settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
            settings.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
            settings.put(SaslConfigs.SASL_JAAS_CONFIG, login);
        });
        truststoreCertificates.ifPresent(pem -> {
            settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            settings.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, pem);
        });
        return settings;
    }
}
