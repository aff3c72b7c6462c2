package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void aHistogramQuantileNamesItsBucketSeriesOnly() {
        assertThat(PromQlMetricNames.of(
                        "histogram_quantile(0.99, sum by (le, service) (rate(newsmell_event_freshness_seconds_bucket"
                                + "{service=~\"$service\"}[$__rate_interval]))) > 5"))
                .containsExactly("newsmell_event_freshness_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryOperationWithMatchingClauses() {
        assertThat(
                        PromQlMetricNames.of(
                                "sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) by (service) / on(service)"
                                        + " group_left() sum(rate(http_server_requests_seconds_count[5m])) by (service) > bool 0.05"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQlMetricNames.of("a_total and ignoring(reason) b_total unless c offset 1h"))
                .containsExactly("a_total", "b_total", "c");
    }

    @Test
    void functionsStringsDurationsNumbersAndVariablesAreNotMetrics() {
        assertThat(
                        PromQlMetricNames.of(
                                "time() - max by (service, job) (newsmell_job_last_success_timestamp_seconds) > 2 * 3600 + 1e3"))
                .containsExactly("newsmell_job_last_success_timestamp_seconds");
        assertThat(PromQlMetricNames.of("label_replace(up{job='x'}, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("up");
        assertThat(PromQlMetricNames.of("deriv(sum(newsmell_consumer_lag_records)[10m:1m]) > 0 # growing"))
                .containsExactly("newsmell_consumer_lag_records");
        assertThat(PromQlMetricNames.of("vector(1)")).isEmpty();
    }

    @Test
    void grafanasLabelValuesAndNameMatchers() {
        assertThat(PromQlMetricNames.of("label_values(newsmell_events_ingested_total, event_type)"))
                .containsExactly("newsmell_events_ingested_total");
        assertThat(PromQlMetricNames.of("label_values(service)")).isEmpty();
        assertThat(PromQlMetricNames.of("count({__name__=\"jvm_threads_live_threads\", service=\"x\"})"))
                .containsExactly("jvm_threads_live_threads");
    }
}
