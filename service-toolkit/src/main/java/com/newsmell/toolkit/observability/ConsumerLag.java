package com.newsmell.toolkit.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.jboss.logging.Logger;

/**
 * {@code newsmell_consumer_lag_records{topic,partition}}: per assigned partition, the records between the consumer's
 * position and the partition's end offset, as the Kafka consumer itself measures it on every fetch (its
 * {@code records-lag} fetch metric). Read from every consumer of the service on a timer, so that a revoked partition
 * disappears.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    static final String RECORDS_LAG = "records-lag";

    private final KafkaClientService kafka;
    private final ObservabilityConfig config;
    private final MultiGauge gauge;

    public ConsumerLag(KafkaClientService kafka, ObservabilityConfig config, MeterRegistry registry) {
        this.kafka = kafka;
        this.config = config;
        this.gauge = MultiGauge.builder(Meters.CONSUMER_LAG)
                .baseUnit("records")
                .description("Records between the consumer's position and the partition's end offset")
                .register(registry);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(config.lagRefresh().toMillis(), id -> refresh());
    }

    /** Reads the lag of every assigned partition of every consumer now. */
    public void refresh() {
        try {
            Map<String, Double> lag = new TreeMap<>();
            for (String channel : kafka.getConsumerChannels()) {
                for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
                    collect(consumer.unwrap().metrics(), lag);
                }
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            lag.forEach((key, value) -> {
                int split = key.lastIndexOf('/');
                rows.add(MultiGauge.Row.of(
                        Tags.of("topic", key.substring(0, split), "partition", key.substring(split + 1)), value));
            });
            gauge.register(rows, true);
        } catch (RuntimeException e) {
            LOG.debugf("consumer lag not read: %s", e);
        }
    }

    /** Adds each partition's {@code records-lag} to {@code lag} (topic/partition → the largest of its consumers). */
    static void collect(Map<MetricName, ? extends Metric> metrics, Map<String, Double> lag) {
        metrics.forEach((name, metric) -> {
            String topic = name.tags().get("topic");
            String partition = name.tags().get("partition");
            if (FETCH_GROUP.equals(name.group())
                    && RECORDS_LAG.equals(name.name())
                    && topic != null
                    && partition != null
                    && metric.metricValue() instanceof Number n
                    && !Double.isNaN(n.doubleValue())) {
                lag.merge(topic + "/" + partition, n.doubleValue(), Math::max);
            }
        });
    }
}
