package com.newsmell.toolkit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static Metric value(Object v) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return v;
            }
        };
    }

    private static MetricName name(String group, String name, Map<String, String> tags) {
        return new MetricName(name, group, "", tags);
    }

    @Test
    void readsTheRecordsLagOfEachPartitionAndKeepsTheLargestOfTwoConsumers() {
        Map<MetricName, Metric> first = new LinkedHashMap<>();
        first.put(
                name("consumer-fetch-manager-metrics", "records-lag", Map.of("topic", "t", "partition", "0")),
                value(7.0));
        first.put(
                name("consumer-fetch-manager-metrics", "records-lag", Map.of("topic", "t", "partition", "1")),
                value(Double.NaN));
        first.put(
                name("consumer-fetch-manager-metrics", "records-lag-max", Map.of("topic", "t", "partition", "0")),
                value(99.0));
        first.put(name("consumer-fetch-manager-metrics", "records-lag", Map.of("topic", "t")), value(3.0));
        first.put(name("consumer-metrics", "records-lag", Map.of("topic", "t", "partition", "2")), value(5.0));
        Map<MetricName, Metric> second = Map.of(
                name("consumer-fetch-manager-metrics", "records-lag", Map.of("topic", "t", "partition", "0")),
                value(9.0));

        Map<String, Double> lag = new TreeMap<>();
        ConsumerLag.collect(first, lag);
        ConsumerLag.collect(second, lag);

        assertThat(lag).containsExactly(Map.entry("t/0", 9.0));
    }
}
