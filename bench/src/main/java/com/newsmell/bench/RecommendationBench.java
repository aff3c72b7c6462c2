package com.newsmell.bench;

import com.newsmell.infra.ServiceProcess;
import java.util.Map;

/**
 * recommendation-feedback-service's ledger consumer on a pre-filled topic: the simulator's journeys (recommendation
 * impressions, clicks and feedback among views, wishlist and collection adds, ratings, logins) go through the
 * collector to the topic first; then the service starts and drains it (claims, session stitches, ledger rows,
 * conversion facts, dirty days), and kafka-consumer-perf-test reads the same records in the same run.
 *
 * <p>Usage: {@code RecommendationBench [--events N] [--concurrency C] [--repo DIR]}.
 */
public final class RecommendationBench extends ConsumerBench {

    public static void main(String[] args) {
        main(new RecommendationBench(), args);
    }

    RecommendationBench() {
        super(
                "recommendation-feedback-service",
                "recommendation_feedback",
                Map.of(
                        "newsmell.recommendation.jobs.daily-metrics-cron", "off",
                        "newsmell.recommendation.jobs.weekly-report-cron", "off"));
    }

    @Override
    boolean prefill() {
        return true;
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess service, String topic) throws Exception {
        logDrained(
                topic,
                () -> String.format(
                        " (%d ledger rows, %d conversion facts, %d stitched sessions; %d events pre-filled)",
                        count("select count(*) from recommendation_feedback"),
                        count("select count(*) from recommendation_conversion"),
                        count("select count(*) from viewer_session"),
                        prefilled));
    }
}
