package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.ServiceProcess;
import com.newsmell.simulator.traffic.Simulator;
import com.newsmell.simulator.traffic.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Catch-up of a consumer stopped under load (issue 17: "a consumer stopped for 10 minutes under 50% load: caught up
 * ≤ 2 min"), scaled down: session-service consumes while the simulator sends {@code --load-rate} events/s through
 * the collector; it is stopped for {@code --stopped} seconds (the load goes on), then started again. The figure is
 * the time from its restart (JVM start included) until its group has committed the backlog that waited at the
 * restart; the goal scales with the stop (2 minutes per 10 minutes: a fifth of the stop).
 *
 * <p>Usage: {@code StoppedCatchUpBench [--load-rate R] [--stopped S] [--repo DIR]}.
 */
public final class StoppedCatchUpBench extends ConsumerBench {

    private int stoppedSeconds = 60;
    private static final int WARM_SECONDS = 20;

    public static void main(String[] args) {
        main(new StoppedCatchUpBench(), args);
    }

    StoppedCatchUpBench() {
        super("session-service", "session", Map.of("newsmell.session.rollup-cron", "off"));
        loadRate = 250;
    }

    @Override
    boolean option(String name, String value) {
        if (name.equals("--stopped")) {
            stoppedSeconds = Integer.parseInt(value);
            return true;
        }
        return false;
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess service, String topic) {
        throw new UnsupportedOperationException("run() measures");
    }

    @Override
    void run() throws Exception {
        startInfra();
        String topic = infra.topic(ServiceConfig.INTERACTIONS);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        // Started, then awaited inside the try: a process that never gets ready is still stopped by close().
        try (ServiceProcess collector = ServiceProcess.start(repo, "event-collector", "collector", Map.of());
                Admin admin = Admin.create(props)) {
            collector.awaitReady(Duration.ofMinutes(6));
            ServiceProcess consumer = ServiceProcess.start(repo, service, database, serviceConfig);
            try {
                consumer.awaitReady(Duration.ofMinutes(6));
            } catch (RuntimeException e) {
                consumer.close();
                throw e;
            }
            String writeKey = collector.writeKey();
            Thread load = new Thread(() -> Simulator.run(SimulatorOptions.defaults()
                    .withUrl(collector.baseUrl())
                    .withWriteKey(writeKey)
                    .withRate(loadRate)
                    .withDuration(Duration.ofSeconds(WARM_SECONDS + stoppedSeconds + 600L))
                    .withBatchSize(20)
                    .withConcurrency(4)
                    .withSeed(61)
                    .withQuiet(true)));
            load.setDaemon(true);
            load.start();
            log("%s consumes while %d events/s flow; stopping it in %d s", service, loadRate, WARM_SECONDS);
            TimeUnit.SECONDS.sleep(WARM_SECONDS);
            consumer.close();
            long stoppedAt = System.nanoTime();
            log(
                    "%s stopped (committed %d of %d); restarting it in %d s",
                    service, committed(admin, topic), end(admin, topic), stoppedSeconds);
            TimeUnit.SECONDS.sleep(stoppedSeconds);
            long backlogEnd = end(admin, topic);
            long backlog = backlogEnd - committed(admin, topic);
            long restart = System.nanoTime();
            double stopped = (restart - stoppedAt) / 1e9;
            try (ServiceProcess again = ServiceProcess.start(repo, service, database, serviceConfig)) {
                again.awaitReady(Duration.ofMinutes(6));
                double ready = (System.nanoTime() - restart) / 1e9;
                long deadline = restart + TimeUnit.MINUTES.toNanos(20);
                while (committed(admin, topic) < backlogEnd) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(service + " did not catch up within 20 minutes");
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                double caughtUp = (System.nanoTime() - restart) / 1e9;
                double goal = stopped / 5;
                log(
                        "%s: stopped %.0f s, backlog %d events, caught up %.1f s after its restart (ready after %.1f s,"
                                + " then %.0f events/s)",
                        service, stopped, backlog, caughtUp, ready, backlog / Math.max(0.001, caughtUp - ready));
                Row.limit(
                        String.format(
                                "%s: catch-up after %.0f s stopped under %d events/s (the issue's 10 min scaled down)",
                                service, stopped, loadRate),
                        String.format(
                                "%.1f s for %d events of backlog (JVM start to ready %.1f s of it)",
                                caughtUp, backlog, ready),
                        String.format("≤ %.0f s (2 min per 10 min stopped)", goal),
                        caughtUp <= goal);
            }
        }
    }

    private long committed(Admin admin, String topic) throws Exception {
        return committedOffsets(admin, service, topic);
    }

    private static long end(Admin admin, String topic) throws Exception {
        return endOffsets(admin, topic);
    }
}
