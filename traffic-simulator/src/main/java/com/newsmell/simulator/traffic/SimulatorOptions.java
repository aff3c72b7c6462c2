package com.newsmell.simulator.traffic;

import com.newsmell.simulator.journey.RecommendationJourney;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Options of a simulator run; see {@link #usage()} for their meaning. Build one with {@link #defaults()} and the
 * {@code with*} methods, or {@link #parse(String...)} command-line arguments. A run stops at {@code duration} or
 * after {@code maxEvents} events, whichever comes first; at least one of them must be set.
 *
 * @param url the collector's base URL (the simulator posts to {@code url + /v1/events/batch})
 * @param rate target events per second; 0 = as fast as possible
 * @param duration how long to send, null = no time bound
 * @param maxEvents how many events to send, null = no count bound
 * @param seed seed of the journeys (and of the event ids): the same seed reproduces the same journeys
 * @param batchSize events per request, 1..500
 * @param users registered users in the population
 * @param botShare share of sessions that are bots, 0..1
 * @param randomizedShare share of recommendation lists shown in a shuffled order (flagged randomized), 0..1
 * @param concurrency parallel HTTP requests
 * @param padToBytes grow each event to about this many bytes (0 = no padding)
 * @param quiet no progress output
 * @param maxAttempts attempts per batch on 503/5xx/connection errors (1 = no retry)
 * @param progressInterval how often progress is printed
 * @param concurrentSessions how many sessions are interleaved in the traffic
 * @param requestTimeout timeout of one HTTP request
 * @param backfill history sent before the live traffic: sessions that ended between {@code backfill} and
 *     {@code backfill / 2} ago (their events as old as that), as fast as accepted; zero for none
 * @param writeKey the collector's write key (issue 16), sent as the Basic-auth user name; null for none
 */
public record SimulatorOptions(
        URI url,
        double rate,
        Duration duration,
        Long maxEvents,
        long seed,
        int batchSize,
        int users,
        double botShare,
        double randomizedShare,
        int concurrency,
        int padToBytes,
        boolean quiet,
        int maxAttempts,
        Duration progressInterval,
        int concurrentSessions,
        Duration requestTimeout,
        Duration backfill,
        String writeKey) {

    /** The collector's batch limit. */
    public static final int MAX_BATCH_SIZE = 500;

    public SimulatorOptions {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        require(scheme.equals("http") || scheme.equals("https"), "--url must be an http(s) URL");
        require(url.getHost() != null, "--url needs a host");
        require(Double.isFinite(rate) && rate >= 0, "--rate must be >= 0");
        require(duration != null || maxEvents != null, "one of --duration and --events is required");
        require(duration == null || (!duration.isNegative() && !duration.isZero()), "--duration must be positive");
        require(maxEvents == null || maxEvents >= 0, "--events must be >= 0");
        require(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE, "--batch-size must be between 1 and 500");
        require(users >= 1, "--users must be >= 1");
        require(botShare >= 0 && botShare <= 1, "--bot-share must be between 0 and 1");
        require(randomizedShare >= 0 && randomizedShare <= 1, "--randomized-share must be between 0 and 1");
        require(concurrency >= 1, "--concurrency must be >= 1");
        require(padToBytes >= 0, "--pad-to-bytes must be >= 0");
        require(maxAttempts >= 1, "--max-attempts must be >= 1");
        Objects.requireNonNull(progressInterval, "progressInterval");
        require(!progressInterval.isNegative() && !progressInterval.isZero(), "--progress must be positive");
        require(concurrentSessions >= 1, "--concurrent-sessions must be >= 1");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backfill, "backfill");
        require(!backfill.isNegative(), "--backfill must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * localhost:8080, 50 events/s for 60 s, batches of 50, 200 users, 5% bots, 4 parallel requests, no padding, 5
     * attempts, progress every 5 s, 50 interleaved sessions, a random seed.
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                URI.create("http://localhost:8080"),
                50,
                Duration.ofSeconds(60),
                null,
                ThreadLocalRandom.current().nextLong(1, 1_000_000),
                50,
                200,
                0.05,
                RecommendationJourney.DEFAULT_RANDOMIZED_SHARE,
                4,
                0,
                false,
                5,
                Duration.ofSeconds(5),
                50,
                Duration.ofSeconds(30),
                Duration.ZERO,
                blankToNull(System.getenv("NEWSMELL_WRITE_KEY")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The collector's write key (issue 16). */
    public SimulatorOptions withWriteKey(String writeKey) {
        return with(b -> b.writeKey = blankToNull(writeKey));
    }

    /** History before the live traffic (zero: none). */
    public SimulatorOptions withBackfill(Duration backfill) {
        return with(b -> b.backfill = backfill);
    }

    public SimulatorOptions withUrl(URI url) {
        return with(b -> b.url = url);
    }

    public SimulatorOptions withUrl(String url) {
        return withUrl(URI.create(url));
    }

    public SimulatorOptions withRate(double rate) {
        return with(b -> b.rate = rate);
    }

    /** Time bound; pass null to rely on {@link #withEvents} only. */
    public SimulatorOptions withDuration(Duration duration) {
        return with(b -> b.duration = duration);
    }

    /** Count bound; also removes the time bound (set one again with {@link #withDuration} if wanted). */
    public SimulatorOptions withEvents(long events) {
        return with(b -> {
            b.duration = null;
            b.maxEvents = events;
        });
    }

    public SimulatorOptions withSeed(long seed) {
        return with(b -> b.seed = seed);
    }

    public SimulatorOptions withBatchSize(int batchSize) {
        return with(b -> b.batchSize = batchSize);
    }

    public SimulatorOptions withUsers(int users) {
        return with(b -> b.users = users);
    }

    public SimulatorOptions withBotShare(double botShare) {
        return with(b -> b.botShare = botShare);
    }

    public SimulatorOptions withRandomizedShare(double randomizedShare) {
        return with(b -> b.randomizedShare = randomizedShare);
    }

    public SimulatorOptions withConcurrency(int concurrency) {
        return with(b -> b.concurrency = concurrency);
    }

    public SimulatorOptions withPadToBytes(int padToBytes) {
        return with(b -> b.padToBytes = padToBytes);
    }

    public SimulatorOptions withQuiet(boolean quiet) {
        return with(b -> b.quiet = quiet);
    }

    public SimulatorOptions withMaxAttempts(int maxAttempts) {
        return with(b -> b.maxAttempts = maxAttempts);
    }

    public SimulatorOptions withProgressInterval(Duration progressInterval) {
        return with(b -> b.progressInterval = progressInterval);
    }

    public SimulatorOptions withConcurrentSessions(int concurrentSessions) {
        return with(b -> b.concurrentSessions = concurrentSessions);
    }

    public SimulatorOptions withRequestTimeout(Duration requestTimeout) {
        return with(b -> b.requestTimeout = requestTimeout);
    }

    /** A copy with some options changed; the copy is validated like any other. */
    private SimulatorOptions with(Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    /** The one place that copies every option, so that each {@code with*} method changes only its own. */
    private static final class Builder {
        private URI url;
        private double rate;
        private Duration duration;
        private Long maxEvents;
        private long seed;
        private int batchSize;
        private int users;
        private double botShare;
        private double randomizedShare;
        private int concurrency;
        private int padToBytes;
        private boolean quiet;
        private int maxAttempts;
        private Duration progressInterval;
        private int concurrentSessions;
        private Duration requestTimeout;
        private Duration backfill;
        private String writeKey;

        private Builder(SimulatorOptions o) {
            url = o.url;
            rate = o.rate;
            duration = o.duration;
            maxEvents = o.maxEvents;
            seed = o.seed;
            batchSize = o.batchSize;
            users = o.users;
            botShare = o.botShare;
            randomizedShare = o.randomizedShare;
            concurrency = o.concurrency;
            padToBytes = o.padToBytes;
            quiet = o.quiet;
            maxAttempts = o.maxAttempts;
            progressInterval = o.progressInterval;
            concurrentSessions = o.concurrentSessions;
            requestTimeout = o.requestTimeout;
            backfill = o.backfill;
            writeKey = o.writeKey;
        }

        private SimulatorOptions build() {
            return new SimulatorOptions(
                    url,
                    rate,
                    duration,
                    maxEvents,
                    seed,
                    batchSize,
                    users,
                    botShare,
                    randomizedShare,
                    concurrency,
                    padToBytes,
                    quiet,
                    maxAttempts,
                    progressInterval,
                    concurrentSessions,
                    requestTimeout,
                    backfill,
                    writeKey);
        }
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    public static final class HelpRequested extends RuntimeException {
        public HelpRequested() {
            super("help requested", null, false, false);
        }
    }

    /**
     * Parses command-line arguments ({@code --name value} or {@code --name=value}) over {@link #defaults()}.
     * {@code --events} without {@code --duration} removes the default time bound.
     *
     * @throws IllegalArgumentException on an unknown option or a bad value
     * @throws HelpRequested for {@code --help} / {@code -h}
     */
    public static SimulatorOptions parse(String... args) {
        SimulatorOptions o = defaults();
        boolean durationGiven = false;
        boolean eventsGiven = false;
        Long events = null;
        Duration duration = o.duration();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (name.equals("--quiet") || name.equals("-q")) {
                o = o.withQuiet(value == null || Boolean.parseBoolean(value));
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--url" ->
                        o = o.withUrl(URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value));
                    case "--rate" -> o = o.withRate(Double.parseDouble(value));
                    case "--duration" -> {
                        duration = parseDuration(value);
                        durationGiven = true;
                    }
                    case "--events" -> {
                        events = Long.parseLong(value);
                        eventsGiven = true;
                    }
                    case "--seed" -> o = o.withSeed(Long.parseLong(value));
                    case "--batch-size" -> o = o.withBatchSize(Integer.parseInt(value));
                    case "--users" -> o = o.withUsers(Integer.parseInt(value));
                    case "--bot-share" -> o = o.withBotShare(Double.parseDouble(value));
                    case "--randomized-share" -> o = o.withRandomizedShare(Double.parseDouble(value));
                    case "--concurrency" -> o = o.withConcurrency(Integer.parseInt(value));
                    case "--pad-to-bytes" -> o = o.withPadToBytes(Integer.parseInt(value));
                    case "--max-attempts" -> o = o.withMaxAttempts(Integer.parseInt(value));
                    case "--progress" -> o = o.withProgressInterval(parseDuration(value));
                    case "--concurrent-sessions" -> o = o.withConcurrentSessions(Integer.parseInt(value));
                    case "--timeout" -> o = o.withRequestTimeout(parseDuration(value));
                    case "--backfill" -> o = o.withBackfill(parseDuration(value));
                    case "--write-key" -> o = o.withWriteKey(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad value for " + name + ": " + value);
            }
        }
        Duration finalDuration = eventsGiven && !durationGiven ? null : duration;
        Long finalEvents = eventsGiven ? events : null;
        return o.with(b -> {
            b.duration = finalDuration;
            b.maxEvents = finalEvents;
        });
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}, a plain number of seconds, or ISO-8601 ({@code PT1M}). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            long factor = 1_000;
            String number = t;
            if (t.endsWith("s")) {
                number = t.substring(0, t.length() - 1);
            } else if (t.endsWith("m")) {
                number = t.substring(0, t.length() - 1);
                factor = 60_000;
            } else if (t.endsWith("h")) {
                number = t.substring(0, t.length() - 1);
                factor = 3_600_000;
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(number.trim()) * factor));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("bad duration '" + text + "' (use e.g. 60s, 500ms, 2m, 1h)");
        }
    }

    /** The CLI help text. */
    public static String usage() {
        return """
                Usage: java -jar traffic-simulator.jar [options]

                Generates realistic New Smell user journeys and sends them to the event-collector
                (POST <url>/v1/events/batch). Stops after --duration or --events, whichever comes first.

                Options:
                  --url URL                 collector base URL (default http://localhost:8080)
                  --rate N                  events per second, 0 = as fast as possible (default 50)
                  --duration D              how long to send: 60s, 500ms, 2m, 1h (default 60s;
                                            dropped when --events is given without --duration)
                  --events N                send exactly N events
                  --seed N                  journey seed; same seed = same journeys and event ids
                                            (default: random, printed)
                  --batch-size N            events per request, 1..500 (default 50)
                  --users N                 registered users in the population (default 200)
                  --bot-share F             share of bot sessions, 0..1 (default 0.05)
                  --randomized-share F      share of recommendation lists shown shuffled and flagged
                                            randomized, for position-bias estimation, 0..1 (default 0.05)
                  --concurrency N           parallel requests (default 4)
                  --pad-to-bytes N          pad eventData so that each event is about N bytes (default 0 = off)
                  --max-attempts N          attempts per batch on 503/5xx/connection errors (default 5)
                  --concurrent-sessions N   sessions interleaved in the traffic (default 50)
                  --progress D              progress interval (default 5s)
                  --timeout D               HTTP request timeout (default 30s)
                  --backfill D              first send history: sessions that ended D to D/2 ago (default 0)
                  --write-key KEY           the collector's write key (default $NEWSMELL_WRITE_KEY; ./scripts/up
                                            writes one to .data/credentials.env)
                  --quiet, -q               no progress output (the summary line is still printed)
                  --help, -h                this help

                Exit code: 0 when every event was accepted, 1 when some were rejected or could not be
                delivered, 2 on bad options.
                """;
    }
}
