package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfraTest {

    @Test
    void realBrokerAndDatabaseRoundTrip() throws Exception {
        Infra infra = Infra.shared();
        String topic = infra.topic("infra-check");

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-check");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var records = consumer.poll(Duration.ofSeconds(20));
            assertEquals("hello", records.iterator().next().value());
        }

        String db = infra.database("infra");
        PostgresServer pg = infra.postgres();
        try (var connection = DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
                var rows = connection.createStatement().executeQuery("select current_database(), version()")) {
            assertTrue(rows.next());
            assertEquals(db, rows.getString(1));
            assertTrue(rows.getString(2).startsWith("PostgreSQL"), rows.getString(2));
        }
    }
}
