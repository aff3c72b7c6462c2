package com.newsmell.archiver.replay;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The replay's producer: acknowledged by all in-sync replicas, idempotent, as the collector's (ADR 0045). */
public final class ReplayProducer {

    private ReplayProducer() {}

    public static Producer<String, String> create(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
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
                        "event-archiver-replay"),
                new StringSerializer(),
                new StringSerializer());
    }
}
