package com.newsmell.bench;

import com.newsmell.infra.ServiceProcess;
import java.util.Map;

/**
 * profile-service's interaction consumer on a pre-filled topic (issue 17; bench/profile-bench measures its daily
 * job): the simulator's events go through the collector to the topic first; then the service starts and drains it
 * (claims, day and perfume-day rollups, recompute marks), and kafka-consumer-perf-test reads the same records in the
 * same run. Its scheduled jobs are off, so that only the consumer works.
 *
 * <p>Usage: {@code ProfileCatchUpBench [--events N] [--concurrency C] [--repo DIR]}.
 */
public final class ProfileCatchUpBench extends ConsumerBench {

    public static void main(String[] args) {
        main(new ProfileCatchUpBench(), args);
    }

    ProfileCatchUpBench() {
        super(
                "profile-service",
                "profile",
                Map.of(
                        "newsmell.profile.job.cron", "off",
                        "newsmell.profile.retention.cron", "off",
                        "newsmell.profile.similarity.cron", "off",
                        "newsmell.profile.segments.cron", "off"));
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess service, String topic) throws Exception {
        logDrained(
                topic,
                () -> String.format(
                        " (%d user-day rollups, %d users marked for recompute; %d events pre-filled)",
                        count("select count(*) from user_day_activity"),
                        count("select count(*) from profile_pending"),
                        prefilled));
    }
}
