package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.fmt;
import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.infra.Credentials;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Tokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * profile-service's daily job (issue #11), on one PostgreSQL server, against a reference in the same run:
 *
 * <ol>
 *   <li>profile-service starts (its Flyway creates the schema), with its deployment's JVM options ({@code jvm.options}; {@code --heap} overrides its {@code -Xmx});
 *   <li>{@code --users} users × {@code --days} days of rollups ending on the run's day are generated set-based in
 *       its database (one {@code user_day_activity} row per user-day, ~2 {@code user_perfume_day} rows per user-day
 *       over a catalog of {@code --perfumes} perfumes, 4 {@code user_perfume} rows per user, ~1 session summary per
 *       user-day, one profile row per user), deterministic (hashes of the series numbers), then vacuumed and analysed;
 *   <li>{@code POST /v1/jobs/profiles-rebuild/runs?now=<run day>T02:00:00Z} recomputes every user: wall time,
 *       users/s, and the service's heap sampled every second from {@code /q/metrics};
 *   <li>the reference: one {@code GROUP BY user_id} scan over each table of rollup rows the job reads (the same
 *       filters), over JDBC, as users/s;
 *   <li>{@code POST /v1/jobs/profiles/runs} (the incremental daily job) after marking ~10% of the users pending.
 * </ol>
 *
 * <p>Usage: {@code ProfileBench [--users N] [--days D] [--perfumes P] [--heap SIZE] [--chunk-size C] [--repo DIR]}.
 */
public final class ProfileBench {

    static final String USAGE = """
            Usage: ProfileBench [--users N] [--days D] [--perfumes P] [--heap SIZE] [--chunk-size C] [--repo DIR]
              --users N        users, each active every day of the seeded days (default 100000)
              --days D         days of rollups per user, ending on the run's day (default 30)
              --perfumes P     perfumes of the seeded catalog (default 5000)
              --heap SIZE      -Xmx of profile-service, as java takes it (default: its jvm.options')
              --chunk-size C   newsmell.profile.job.chunk-size: users per transaction (default 500, the service's)
              --service-java-opts "OPTS"
                               more JVM options of profile-service, space-separated (e.g. a JFR recording)
              --repo DIR       the repository root (default: the parent of the working directory)
            """;

    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration JOB_TIMEOUT = Duration.ofHours(3);
    private static final int SEED_SLICE = 10_000;
    /** The issue's goals. */
    private static final double RATIO_GOAL = 0.3;

    private static final long GOAL_USERS = 100_000;
    private static final double GOAL_SECONDS = 15 * 60;
    private static final long GOAL_HEAP_BYTES = 512L * 1024 * 1024;
    /** The share of the users marked pending before the incremental run. */
    private static final int PENDING_PERCENT = 10;

    private long users = 100_000;
    private int days = 30;
    private int perfumes = 5_000;
    /** -Xmx of the service: --heap, else its deployment's (profile-service/src/main/docker/jvm.options). */
    private String heap;

    private boolean heapGiven;
    private int chunkSize = 500;
    private List<String> serviceJavaOpts = List.of();
    private Path repo = Path.of("..").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String[]> rows = new ArrayList<>();
    private Infra infra;
    private String database;
    private Path work;

    public static void main(String[] args) {
        int exit = 0;
        ProfileBench bench = new ProfileBench();
        try {
            if (!bench.parse(args)) {
                System.out.println(USAGE);
            } else {
                bench.run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            exit = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit); // Infra's shutdown hook stops Kafka and PostgreSQL
    }

    /** False for --help. */
    private boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return false;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--users" -> users = positive(a, Long.parseLong(v.replace("_", "")));
                    case "--days" -> days = (int) positive(a, Integer.parseInt(v));
                    case "--perfumes" -> perfumes = (int) positive(a, Integer.parseInt(v.replace("_", "")));
                    case "--heap" -> {
                        heap = heapSize(v);
                        heapGiven = true;
                    }
                    case "--chunk-size" -> chunkSize = (int) positive(a, Integer.parseInt(v));
                    case "--service-java-opts" ->
                        serviceJavaOpts =
                                v.isBlank() ? List.of() : List.of(v.trim().split("\\s+"));
                    case "--repo" -> repo = Path.of(v).toAbsolutePath().normalize();
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for " + a + ": " + v);
            }
        }
        if (users > 9_999_999) {
            throw new IllegalArgumentException("--users must be at most 9999999");
        }
        if (days > 999) {
            throw new IllegalArgumentException("--days must be at most 999");
        }
        return true;
    }

    private static long positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static String heapSize(String v) {
        if (!v.matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException("bad --heap " + v + " (e.g. 512m)");
        }
        return v;
    }

    private void run() throws Exception {
        log("starting Kafka and PostgreSQL ...");
        infra = Infra.shared();
        work = Files.createDirectories(
                Path.of("target", "bench-" + infra.runId()).toAbsolutePath());
        Machine machine = Machine.describe(infra);
        log("machine: %s; load average %s", machine.oneLine(), machine.loadAverage());
        database = infra.database("profile");
        LocalDate runDay = LocalDate.now(ZoneOffset.UTC);
        Instant clock = runDay.atTime(2, 0).toInstant(ZoneOffset.UTC);

        List<String> memory = ServiceJvm.memoryOptions(repo, heap);
        heap = ServiceJvm.maxHeap(memory);
        try (ServiceJvm service = ServiceJvm.start(
                        repo, work.resolve("profile-service.log"), memory, serviceJavaOpts, serviceConfig())
                .awaitReady(READY)) {
            log("profile-service at %s, -Xmx%s, pid %d (log: %s)", service.baseUrl(), heap, service.pid(), service.log);

            Seeded seeded = seed(runDay);
            log(
                    "seeded in %.1f s: %,d users, %,d user_day_activity, %,d user_perfume_day, %,d user_perfume"
                            + " (%,d read by the job), %,d session_summary, %,d perfume_catalog rows",
                    seeded.seconds,
                    seeded.users,
                    seeded.dayRows,
                    seeded.perfumeDayRows,
                    seeded.perfumeRows,
                    seeded.perfumeRowsRead,
                    seeded.sessionRows,
                    seeded.catalogRows);

            JobResult rebuild = runJob(service, "profiles-rebuild", clock);
            if (rebuild.rows != seeded.users) {
                throw new IllegalStateException(
                        "profiles-rebuild recomputed " + rebuild.rows + " profiles, expected " + seeded.users);
            }
            logProfiles(clock);

            Reference reference = reference(runDay);

            long marked = markPending();
            JobResult incremental = runJob(service, "profiles", clock);
            if (incremental.rows != marked) {
                throw new IllegalStateException(
                        "profiles recomputed " + incremental.rows + " profiles, expected the " + marked + " marked");
            }
            service.failOnOutOfMemory();

            record(machine, seeded, rebuild, reference, incremental, marked);
            printTable(machine);
        }
    }

    private Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>(ServiceConfig.forService(infra, "profile"));
        // The runner would otherwise catch up the latest 2am period of "profiles" on its first tick (CatchUp
        // LATEST_ONLY), in the middle of the seeding; the benchmark runs both jobs through the API.
        config.put("newsmell.profile.job.cron", "off");
        config.put("newsmell.profile.job.chunk-size", Integer.toString(chunkSize));
        return config;
    }

    private Connection connect() throws SQLException {
        return infra.postgres().connect(database);
    }

    // ------------------------------------------------------------------ seeding

    record Seeded(
            long users,
            long dayRows,
            long perfumeDayRows,
            long perfumeRows,
            long perfumeRowsRead,
            long sessionRows,
            long catalogRows,
            double seconds) {}

    /** A deterministic pseudo-random number in [0, 1048576) from a number and a stream. */
    private static String h(String x, int stream) {
        return "(hashint8extended((" + x + ")::bigint, " + stream + ") & 1048575)";
    }

    private static final String USER_ID = "'bench-user-' || lpad(u::text, 7, '0')";

    private static final String TERMS = "array['oud', 'vanilla', 'rose', 'amber', 'musk', 'iris', 'vetiver', 'tobacco',"
            + " 'leather', 'citrus', 'bergamot', 'jasmine', 'sandalwood', 'patchouli', 'tonka', 'neroli', 'incense',"
            + " 'fig', 'lavender', 'cedar', 'saffron', 'pepper', 'mint', 'peony', 'tuberose', 'coffee', 'cherry',"
            + " 'aquatic', 'fresh', 'gourmand', 'summer', 'winter', 'office', 'date night', 'niche', 'cheap',"
            + " 'long lasting', 'unisex', 'gift', 'new']";

    private Seeded seed(LocalDate runDay) throws SQLException {
        long t0 = System.nanoTime();
        String day0 = "date '" + runDay + "'";
        log(
                "seeding %,d users x %d days ending %s over %,d perfumes (in slices of %,d users) ...",
                users, days, runDay, perfumes, SEED_SLICE);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            // ~500 houses, notes from a vocabulary of 300, 3-8 each (distinct: 37 is prime to 300).
            s.execute("insert into perfume_catalog (perfume_id, version, name, house_id, house_name, perfume_type,"
                    + " concentration, launch_year, price_amount, price_currency, notes)"
                    + " select 'bench-perfume-' || p, 1, 'Bench Perfume ' || p, 'bench-house-' || " + h("p", 1)
                    + " % 500, 'Bench House ' || " + h("p", 1) + " % 500,"
                    + " (array['Eau de Parfum', 'Eau de Toilette', 'Parfum', 'Eau de Cologne', 'Extrait de Parfum'])[1 + "
                    + h("p", 2) + " % 5],"
                    + " (array['eau-de-parfum', 'eau-de-toilette', 'parfum', 'eau-de-cologne', 'extrait-de-parfum'])[1 + "
                    + h("p", 2) + " % 5],"
                    + " 1950 + " + h("p", 3) + " % 76, round(20 + " + h("p", 4) + " % 48000 / 100.0, 2), 'EUR',"
                    + " (select jsonb_agg(jsonb_build_object('noteId', 'note-' || n, 'name', 'Note ' || n,"
                    + " 'layer', (array['top', 'heart', 'base'])[1 + n % 3], 'category', (array['floral', 'woody',"
                    + " 'oriental', 'fresh', 'citrus', 'gourmand', 'spicy', 'green', 'aquatic', 'leather'])[1 + n % 10])"
                    + " order by k) from (select k, (" + h("p", 6) + " + k * 37) % 300 as n"
                    + " from generate_series(1, 3 + " + h("p", 7) + " % 6) k) notes)"
                    + " from generate_series(1, " + perfumes + ") p");
            for (long lo = 1; lo <= users; lo += SEED_SLICE) {
                long hi = Math.min(users, lo + SEED_SLICE - 1);
                seedUsers(s, lo, hi, day0);
                if (hi == users || (hi / SEED_SLICE) % 5 == 0) {
                    log("seeded users %,d-%,d (%.0f s)", lo, hi, (System.nanoTime() - t0) / 1e9);
                }
            }
            log("vacuum analyze ...");
            s.execute("vacuum (analyze) perfume_catalog, user_behavior_profile, user_day_activity, user_perfume_day,"
                    + " user_perfume, session_summary");
            return new Seeded(
                    count(s, "select count(*) from user_behavior_profile"),
                    count(s, "select count(*) from user_day_activity"),
                    count(s, "select count(*) from user_perfume_day"),
                    count(s, "select count(*) from user_perfume"),
                    count(
                            s,
                            "select count(*) from user_perfume where wishlist_in or collection_in"
                                    + " or rating_at is not null"),
                    count(s, "select count(*) from session_summary"),
                    count(s, "select count(*) from perfume_catalog"),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One slice of users: every table, set-based. */
    private void seedUsers(Statement s, long lo, long hi, String day0) throws SQLException {
        String base = "(select u, d, u::bigint * 1000 + d as k from generate_series(" + lo + ", " + hi + ") u,"
                + " generate_series(0, " + (days - 1) + ") d) b";
        // Each user browses within "their" 200 perfumes (a preference the weights can find).

        s.execute("insert into user_behavior_profile (user_id, last_active_date, created_at)"
                + " select " + USER_ID + ", " + day0 + "::timestamp at time zone 'UTC' + " + h("u", 10)
                + " % 7200 * interval '1 second', " + day0 + " - " + days + " from generate_series(" + lo + ", " + hi
                + ") u");

        // One row per user-day; the counts agree with user_perfume_day's below (the same hashes).
        String counts = "select u, d, k,"
                + " 1 + " + h("k", 1) + " % 6 as pv,"
                + " 2 + " + h("k * 2 + 1", 20) + " % 2 + " + h("k * 2 + 2", 20) + " % 2 as fv,"
                + " case when " + h("k", 3) + " % 3 = 0 then 1 + " + h("k", 4) + " % 3 else 0 end as srch,"
                + " (case when " + h("k * 2 + 1", 24) + " % 3 = 0 then 1 else 0 end)"
                + " + (case when " + h("k * 2 + 2", 24) + " % 3 = 0 then 1 else 0 end) as notes,"
                + " case when " + h("k", 6) + " % 10 = 0 then 1 else 0 end as rating,"
                + " case when " + h("k", 7) + " % 25 = 0 then 1 else 0 end as review,"
                + " case when " + h("k", 8) + " % 15 = 0 then 1 else 0 end as wish,"
                + " case when " + h("k", 9) + " % 30 = 0 then 1 else 0 end as coll,"
                + " " + h("k", 11) + " % 24 as h1,"
                + " (" + h("k", 11) + " % 24 + 1 + " + h("k", 12) + " % 5) % 24 as h2,"
                + " (" + h("k", 11) + " % 24 + 7 + " + h("k", 13) + " % 5) % 24 as h3,"
                + " " + h("k", 13) + " % 2 = 0 as three,"
                + " " + h("k", 14) + " % 40 as t1,"
                + " (" + h("k", 14) + " % 40 + 1 + " + h("k", 15) + " % 39) % 40 as t2"
                + " from " + base;
        String terms = "(" + TERMS + ")";
        s.execute("insert into user_day_activity (user_id, day, event_counts, hour_counts, search_terms,"
                + " rating_count, rating_sum, review_length_count, review_length_sum)"
                + " select " + USER_ID + ", " + day0 + " - d,"
                + " jsonb_strip_nulls(jsonb_build_object('PAGE_VIEW', pv, 'PERFUME_VIEW', fv,"
                + " 'SEARCH_PERFORMED', nullif(srch, 0), 'NOTES_EXPANDED', nullif(notes, 0),"
                + " 'RATING_COMPLETED', nullif(rating, 0), 'REVIEW_SUBMITTED', nullif(review, 0),"
                + " 'WISHLIST_ADD', nullif(wish, 0), 'COLLECTION_ADD', nullif(coll, 0))),"
                + " case when three then jsonb_build_object(h1::text, total - 2 * (total / 3), h2::text, total / 3,"
                + " h3::text, total / 3) else jsonb_build_object(h1::text, total - total / 2, h2::text, total / 2) end,"
                + " case when srch = 0 then '{}'::jsonb when srch = 1 then jsonb_build_object(" + terms + "[1 + t1], 1)"
                + " else jsonb_build_object(" + terms + "[1 + t1], srch - 1, " + terms + "[1 + t2], 1) end,"
                + " rating, case when rating > 0 then 1 + " + h("k", 16) + " % 5 else 0 end,"
                + " review, case when review > 0 then 80 + " + h("k", 17) + " % 900 else 0 end"
                + " from (select *, pv + fv + srch + notes + rating + review + wish + coll as total from (" + counts
                + ") c) t");

        // Two perfumes per user-day, distinct within the user's 200 (with fewer than 200 perfumes they may meet).
        s.execute("insert into user_perfume_day (user_id, perfume_id, day, views, notes_expanded, reviews,"
                + " wishlist_adds, collection_adds)"
                + " select " + USER_ID + ", "
                + perfume("case when j = 1 then " + h("k", 22) + " % 100 else 100 + " + h("k", 23) + " % 100 end")
                + ", " + day0 + " - d, 1 + " + h("k * 2 + j", 20) + " % 2,"
                + " case when " + h("k * 2 + j", 24) + " % 3 = 0 then 1 else 0 end,"
                + " case when j = 1 and " + h("k", 7) + " % 25 = 0 then 1 else 0 end,"
                + " case when j = 1 and " + h("k", 8) + " % 15 = 0 then 1 else 0 end,"
                + " case when j = 2 and " + h("k", 9) + " % 30 = 0 then 1 else 0 end"
                + " from " + base + ", generate_series(1, 2) j on conflict do nothing");

        // Four perfumes per user over their life: one in the wishlist, one rated (and taken off the wishlist), one
        // in the collection (rated on odd hashes), one only viewed (which the job does not read).
        String at = "(" + day0 + " - (" + h("u * 8 + m", 33) + " % " + days + ")::int)::timestamp at time zone 'UTC' + "
                + h("u * 8 + m", 34) + " % 86400 * interval '1 second'";
        s.execute("insert into user_perfume (user_id, perfume_id, views, view_duration_ms, sources, device_types,"
                + " first_interaction, last_interaction, wishlist_in, wishlist_at, wishlist_event, collection_in,"
                + " collection_at, collection_event, rating_value, rating_at, rating_event, reviewed)"
                + " select user_id, perfume_id, views, views * 41000.0, jsonb_build_object('search', views),"
                + " jsonb_build_object('desktop', views), at, at,"
                + " case m when 1 then true when 2 then false end, case when m in (1, 2) then at end,"
                + " case when m in (1, 2) then 'bench-w-' || u || '-' || m end,"
                + " case when m = 3 then true end, case when m = 3 then at end,"
                + " case when m = 3 then 'bench-c-' || u end,"
                + " case when rated then 1 + " + h("u * 8 + m", 35) + " % 5 end, case when rated then at end,"
                + " case when rated then 'bench-r-' || u || '-' || m end, false"
                + " from (select u, m, " + USER_ID + " as user_id, " + perfume("m * 41") + " as perfume_id,"
                + " 1 + " + h("u * 8 + m", 31) + " % 9 as views, " + at + " as at,"
                + " m = 2 or (m = 3 and " + h("u", 36) + " % 2 = 1) as rated"
                + " from generate_series(" + lo + ", " + hi + ") u, generate_series(1, 4) m) r"
                + " on conflict do nothing");

        // ~1 session per user-day (none on 10% of the days, two on 10%); the users whose number is a multiple of
        // 250 are bots (the job leaves their sessions out).
        s.execute("insert into session_summary (session_id, revision, user_id, start_time, end_time,"
                + " duration_seconds, page_views, perfumes_viewed, interactions, bounced, is_bot, device_type)"
                + " select 'bench-session-' || u || '-' || d || '-' || n, 1, " + USER_ID + ", st,"
                + " st + dur * interval '1 second', dur, 1 + " + h("k * 3 + n", 42) + " % 12, "
                + h("k * 3 + n", 45) + " % 5, " + h("k * 3 + n", 46) + " % 3, dur < 40, u % 250 = 0,"
                + " (array['desktop', 'mobile', 'tablet'])[1 + " + h("u", 44) + " % 3]"
                + " from " + base + ", generate_series(1, case " + h("k", 40)
                + " % 10 when 0 then 0 when 1 then 2 else 1 end) n,"
                + " lateral (select (" + day0 + " - d)::timestamp at time zone 'UTC' + " + h("k * 3 + n", 41)
                + " % 84000 * interval '1 second' as st, 30 + " + h("k * 3 + n", 43) + " % 1800 as dur) x");
    }

    /** A perfume of the user's 200 (a preference the weights can find): their first one plus an offset below 200. */
    private String perfume(String offset) {
        return "'bench-perfume-' || (1 + (" + h("u", 21) + " + " + offset + ") % " + perfumes + ")";
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Marks ~10% of the users pending (every user whose hash falls in the first tenth), as a consumer would. */
    private long markPending() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            long left = count(s, "select count(*) from profile_pending");
            if (left != 0) {
                throw new IllegalStateException(left + " users are still pending after the full rebuild");
            }
            int marked = s.executeUpdate("insert into profile_pending (user_id, seq)"
                    + " select user_id, nextval('profile_pending_seq') from user_behavior_profile"
                    + " where (hashtext(user_id) & 1023) < " + (1024 * PENDING_PERCENT / 100)
                    + " on conflict (user_id) do update set seq = excluded.seq");
            log("marked %,d users pending (~%d%%)", marked, PENDING_PERCENT);
            return marked;
        }
    }

    /** A few aggregates of the computed profiles, to show that the job computed something. */
    private void logProfiles(Instant clock) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), count(*) filter (where as_of = '" + clock + "'),"
                        + " round(avg(engagement_score)::numeric, 1), round(avg(total_sessions), 1),"
                        + " round(avg(json_array_length(cast(preferred_notes as json))), 1),"
                        + " round(avg(json_array_length(cast(preferred_houses as json))), 1),"
                        + " string_agg(distinct browsing_style, ',')"
                        + " from user_behavior_profile")) {
            r.next();
            log(
                    "profiles: %,d, %,d as of %s; average engagement %s, sessions %s, preferred notes %s, houses %s;"
                            + " browsing styles %s",
                    r.getLong(1),
                    r.getLong(2),
                    clock,
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7));
        }
    }

    // ------------------------------------------------------------------ the job

    record JobResult(
            String job,
            long rows,
            double seconds,
            long serviceMillis,
            long maxHeapUsed,
            long maxOldGenUsed,
            long maxLiveData,
            long maxRss,
            Cpu cpu,
            double gcSeconds,
            long gcCount,
            int samples,
            String body) {
        double usersPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Runs the job through the API and waits for its answer; meanwhile samples the service's heap (/q/metrics), its
     * RSS and the run's progress (job_run) every second, into {@code <job>-samples.csv}.
     */
    private JobResult runJob(ServiceJvm service, String job, Instant clock) throws Exception {
        Metrics before = service.metrics();
        Cpu cpuBefore = Cpu.now(service.pid());
        Sampler sampler = new Sampler(service, job, work.resolve(job + "-samples.csv"));
        log("running %s as of %s ...", job, clock);
        sampler.start();
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v1/jobs/" + job + "/runs?now=" + clock))
                        .header(
                                "Authorization",
                                Credentials.bearer(Tokens.shared().admin()))
                        .timeout(JOB_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String body;
        double seconds;
        try {
            HttpResponse<String> r = response.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            seconds = (System.nanoTime() - t0) / 1e9;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(job + " answered " + r.statusCode() + ": " + r.body());
            }
            body = r.body();
        } catch (ExecutionException e) {
            // The answer can be lost (e.g. the HTTP server's idle timeout, 30 min by default, on a very long run):
            // then the run's job_run row says when it ended.
            log("%s: no HTTP answer (%s); waiting for its job_run row to end ...", job, e.getCause());
            service.failOnOutOfMemory();
            body = awaitRunInDatabase(job, t0);
            seconds = (System.nanoTime() - t0) / 1e9;
        } catch (TimeoutException e) {
            service.failOnOutOfMemory();
            throw new IllegalStateException(job + ": no answer within " + JOB_TIMEOUT + ", see " + service.log, e);
        } finally {
            sampler.stop();
        }
        Cpu cpu = Cpu.now(service.pid()).minus(cpuBefore);
        Metrics after = service.metrics();
        service.failOnOutOfMemory();
        if (!body.contains("\"status\":\"succeeded\"")) {
            throw new IllegalStateException(job + " did not succeed: " + body + " (see " + service.log + ")");
        }
        log("%s: %s", job, body);
        JobResult result = new JobResult(
                job,
                number(body, "rowsProcessed"),
                seconds,
                number(body, "durationMs"),
                Math.max(sampler.maxHeapUsed, after.heapUsed),
                Math.max(sampler.maxOldGenUsed, after.oldGenUsed),
                Math.max(sampler.maxLiveData, after.liveData),
                sampler.maxRss,
                cpu,
                after.gcPauseSeconds - before.gcPauseSeconds,
                after.gcPauses - before.gcPauses,
                sampler.samples,
                body);
        log(
                "RESULT %s: %,d users in %.1f s = %,.0f users/s (service: %,d ms); heap max %.0f MB used of -Xmx%s"
                        + " (old generation %.0f MB, live after a major GC %.0f MB, RSS %.0f MB), GC %,d pauses %.1f s;"
                        + " %d samples; CPU: service %.1f s, PostgreSQL %.1f s, other children %.1f s",
                job,
                result.rows,
                result.seconds,
                result.usersPerSecond(),
                result.serviceMillis,
                mb(result.maxHeapUsed),
                heap,
                mb(result.maxOldGenUsed),
                mb(result.maxLiveData),
                mb(result.maxRss),
                result.gcCount,
                result.gcSeconds,
                result.samples,
                cpu.service,
                cpu.postgres,
                cpu.other);
        return result;
    }

    /** Polls the job's latest job_run row until it has ended; answers it in the API's field names. */
    private String awaitRunInDatabase(String job, long t0) throws SQLException, InterruptedException {
        try (Connection c = connect();
                PreparedStatement p = c.prepareStatement("select status, coalesce(rows_processed, 0),"
                        + " coalesce(cast(extract(epoch from finished_at - started_at) * 1000 as bigint), 0),"
                        + " coalesce(error, '') from job_run where job = ? order by id desc limit 1")) {
            p.setString(1, job);
            while (System.nanoTime() - t0 < JOB_TIMEOUT.toNanos()) {
                try (ResultSet r = p.executeQuery()) {
                    if (r.next() && !r.getString(1).equals("running")) {
                        return fmt(
                                "{\"status\":\"%s\",\"rowsProcessed\":%d,\"durationMs\":%d,\"error\":\"%s\"}"
                                        + " (from job_run)",
                                r.getString(1), r.getLong(2), r.getLong(3), r.getString(4));
                    }
                }
                TimeUnit.SECONDS.sleep(1); // polling the service's run, not a test
            }
        }
        throw new IllegalStateException(job + " did not end within " + JOB_TIMEOUT);
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    /** Every second: the service's heap and RSS, and the run's progress; a line to the log every 10 seconds. */
    private final class Sampler {
        private final ServiceJvm service;
        private final String job;
        private final Path csv;
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "profile-bench-sampler");
            t.setDaemon(true);
            return t;
        });
        private PrintWriter out;
        private Connection db;
        private long t0;
        private long lastDone;
        private double lastLogged;
        volatile long maxHeapUsed;
        volatile long maxOldGenUsed;
        volatile long maxLiveData;
        volatile long maxRss;
        volatile int samples;

        Sampler(ServiceJvm service, String job, Path csv) {
            this.service = service;
            this.job = job;
            this.csv = csv;
        }

        void start() throws IOException, SQLException {
            out = new PrintWriter(Files.newBufferedWriter(csv));
            out.println("seconds,progress_done,progress_total,heap_used_bytes,old_gen_used_bytes,rss_bytes");
            db = connect();
            t0 = System.nanoTime();
            executor.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            if (executor.isShutdown()) {
                return;
            }
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.SECONDS);
            out.close();
            try {
                db.close();
            } catch (SQLException ignored) {
                // the sampler's own connection; nothing depends on it
            }
        }

        private void sample() {
            double at = (System.nanoTime() - t0) / 1e9;
            try {
                Metrics m = service.metrics();
                long rss = service.rss();
                long[] progress = progress();
                maxHeapUsed = Math.max(maxHeapUsed, m.heapUsed);
                maxOldGenUsed = Math.max(maxOldGenUsed, m.oldGenUsed);
                maxLiveData = Math.max(maxLiveData, m.liveData);
                maxRss = Math.max(maxRss, rss);
                samples++;
                out.printf(
                        Locale.ROOT,
                        "%.1f,%d,%d,%d,%d,%d%n",
                        at,
                        progress[0],
                        progress[1],
                        m.heapUsed,
                        m.oldGenUsed,
                        rss);
                out.flush();
                if (at - lastLogged >= 10) {
                    log(
                            "  %s: %,d of %,d users after %.0f s (%,.0f users/s over the last %.0f s); heap %.0f MB"
                                    + " (old generation %.0f MB)",
                            job,
                            progress[0],
                            progress[1],
                            at,
                            (progress[0] - lastDone) / (at - lastLogged),
                            at - lastLogged,
                            mb(m.heapUsed),
                            mb(m.oldGenUsed));
                    lastLogged = at;
                    lastDone = progress[0];
                }
            } catch (Exception e) {
                log("  sample at %.0f s failed: %s", at, e);
            }
        }

        /** progress_done, progress_total of the job's latest run. */
        private long[] progress() throws SQLException {
            try (PreparedStatement p = db.prepareStatement("select coalesce(progress_done, 0),"
                    + " coalesce(progress_total, 0) from job_run where job = ? order by id desc limit 1")) {
                p.setString(1, job);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? new long[] {r.getLong(1), r.getLong(2)} : new long[] {0, 0};
                }
            }
        }
    }

    /**
     * CPU seconds (user + system, with the reaped children's) of the service, of the embedded PostgreSQL server and its
     * backends, and of the benchmark JVM's other child processes (Kafka): from /proc of this JVM's descendants.
     */
    record Cpu(double service, double postgres, double other) {
        private static final double TICKS = 100; // USER_HZ

        static Cpu now(long servicePid) {
            double service = 0;
            double postgres = 0;
            double other = 0;
            for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
                double seconds = ticks(p.pid()) / TICKS;
                if (p.pid() == servicePid) {
                    service += seconds;
                } else if (p.info().command().orElse("").endsWith("/postgres")) {
                    postgres += seconds;
                } else {
                    other += seconds;
                }
            }
            return new Cpu(service, postgres, other);
        }

        Cpu minus(Cpu before) {
            return new Cpu(service - before.service, postgres - before.postgres, other - before.other);
        }

        /** utime + stime + cutime + cstime of /proc/<pid>/stat, 0 when gone. */
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    // ------------------------------------------------------------------ the reference

    record Scan(String table, long groups, long rows, double seconds) {}

    record Reference(List<Scan> scans, long users, double postgresCpu) {
        double seconds() {
            return scans.stream().mapToDouble(Scan::seconds).sum();
        }

        double usersPerSecond() {
            return users / seconds();
        }
    }

    /**
     * One GROUP BY user_id scan over each table of rollup rows the job reads, with the job's filters, one after the
     * other over JDBC (rows streamed, 10,000 per fetch).
     */
    private Reference reference(LocalDate runDay) throws SQLException {
        LocalDate windowStart = runDay.minusDays(29);
        LocalDate historyStart = runDay.minusDays(89);
        Instant windowStartInstant = windowStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = runDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put(
                "user_day_activity",
                "select user_id, count(*), sum(rating_count), sum(rating_sum), sum(review_length_sum)"
                        + " from user_day_activity where day >= date '" + historyStart
                        + "' group by user_id");
        queries.put(
                "user_perfume_day",
                "select user_id, count(*), sum(views), sum(notes_expanded), sum(wishlist_adds + collection_adds)"
                        + " from user_perfume_day where day >= date '" + windowStart + "' and day <= date '" + runDay
                        + "' group by user_id");
        queries.put(
                "user_perfume",
                "select user_id, count(*), count(*) filter (where wishlist_in), count(*) filter (where collection_in),"
                        + " sum(rating_value) from user_perfume where wishlist_in or collection_in"
                        + " or rating_at is not null group by user_id");
        queries.put(
                "session_summary",
                "select user_id, count(*), sum(duration_seconds) from session_summary where start_time >= '"
                        + windowStartInstant + "' and start_time < '" + dayEnd + "' and not is_bot group by user_id");
        log("reference: one GROUP BY user_id scan per table ...");
        List<Scan> scans = new ArrayList<>();
        double postgresCpu;
        Cpu cpuBefore;
        try (Connection c = connect()) {
            cpuBefore = Cpu.now(-1);
            c.setAutoCommit(false);
            for (Map.Entry<String, String> q : queries.entrySet()) {
                long t0 = System.nanoTime();
                long groups = 0;
                long rowsScanned = 0;
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(10_000);
                    try (ResultSet r = s.executeQuery(q.getValue())) {
                        while (r.next()) {
                            groups++;
                            rowsScanned += r.getLong(2);
                        }
                    }
                }
                Scan scan = new Scan(q.getKey(), groups, rowsScanned, (System.nanoTime() - t0) / 1e9);
                scans.add(scan);
                log("  %s: %,d rows of %,d users in %.2f s", scan.table, scan.rows, scan.groups, scan.seconds);
            }
            c.commit();
            // Before the connection closes: its backend's CPU time is counted only while it lives.
            postgresCpu = Cpu.now(-1).minus(cpuBefore).postgres;
        }
        Reference reference = new Reference(scans, scans.get(0).groups, postgresCpu);
        log(
                "RESULT reference: %,d users in %.2f s = %,.0f users/s (PostgreSQL CPU %.1f s)",
                reference.users, reference.seconds(), reference.usersPerSecond(), reference.postgresCpu);
        return reference;
    }

    // ------------------------------------------------------------------ report

    private void record(
            Machine machine,
            Seeded seeded,
            JobResult rebuild,
            Reference reference,
            JobResult incremental,
            long marked) {
        // The run has two stages (issue #12 added the feature vectors): the profiles, then their vectors.
        double profileStageSeconds = number(rebuild.body, "profileStageMs") / 1000.0;
        double featureStageSeconds = number(rebuild.body, "featureStageMs") / 1000.0;
        double profileUsersPerSecond = rebuild.rows / profileStageSeconds;
        double ratio = profileUsersPerSecond / reference.usersPerSecond();
        double wholeRatio = rebuild.usersPerSecond() / reference.usersPerSecond();
        double projectedMinutes = rebuild.seconds / 60 * GOAL_USERS / rebuild.rows;
        boolean full = rebuild.rows >= GOAL_USERS;
        String scans = reference.scans.stream()
                .map(s -> fmt("%s %,d rows %.2f s", s.table, s.rows, s.seconds))
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        row(
                "Full rebuild (`profiles-rebuild`), profile stage",
                fmt("%,.0f users/s (%.1f s)", profileUsersPerSecond, profileStageSeconds),
                fmt("%,.0f users/s", reference.usersPerSecond()),
                fmt("%.2f", ratio),
                fmt("≥ %.1f", RATIO_GOAL),
                ratio >= RATIO_GOAL ? "yes" : "**no**");
        row(
                "Full rebuild, feature stage (vector build)",
                fmt("%,.0f users/s (%.1f s)", rebuild.rows / featureStageSeconds, featureStageSeconds),
                "–",
                "–",
                "– (issue #12: measured)",
                "–");
        row(
                "Full rebuild, whole run (both stages)",
                fmt("%,.0f users/s", rebuild.usersPerSecond()),
                fmt("%,.0f users/s", reference.usersPerSecond()),
                fmt("%.2f", wholeRatio),
                "– (informational)",
                "–");
        row(
                "Full rebuild: wall time",
                fmt("%.1f s for %,d users (%.1f min)", rebuild.seconds, rebuild.rows, rebuild.seconds / 60),
                fmt("%.1f s", reference.seconds()),
                "–",
                fmt("≤ 15 min for %,d users", GOAL_USERS),
                full
                        ? (rebuild.seconds <= GOAL_SECONDS ? "yes" : "**no**")
                        : fmt(
                                "n/a at %,d users (linear projection to %,d: %.1f min)",
                                rebuild.rows, GOAL_USERS, projectedMinutes));
        boolean heapHolds = parseHeap(heap) <= GOAL_HEAP_BYTES;
        row(
                "Full rebuild: heap",
                fmt(
                        "%.0f MB max used (old gen %.0f MB, live after major GC %.0f MB)",
                        mb(rebuild.maxHeapUsed), mb(rebuild.maxOldGenUsed), mb(rebuild.maxLiveData)),
                fmt("-Xmx%s", heap),
                fmt("%.2f", (double) rebuild.maxHeapUsed / parseHeap(heap)),
                "≤ 512 MB, no OutOfMemoryError",
                heapHolds ? "yes (finished under -Xmx" + heap + ")" : "**no** (-Xmx" + heap + " > 512 MB)");
        row(
                "Incremental (`profiles`), ~10% pending",
                fmt("%,.0f users/s", incremental.usersPerSecond()),
                fmt("%,.0f users/s", reference.usersPerSecond()),
                fmt("%.2f", incremental.usersPerSecond() / reference.usersPerSecond()),
                "– (informational)",
                "–");
        rows.add(new String[0]);
        details(fmt(
                "Seeded: %,d users × %d days ending on the run's day: %,d user_day_activity, %,d user_perfume_day,"
                        + " %,d user_perfume (%,d with a membership or rating, which the job reads), %,d session_summary,"
                        + " %,d perfume_catalog rows; in %.0f s (not counted)",
                seeded.users,
                days,
                seeded.dayRows,
                seeded.perfumeDayRows,
                seeded.perfumeRows,
                seeded.perfumeRowsRead,
                seeded.sessionRows,
                seeded.catalogRows,
                seeded.seconds));
        details(fmt(
                "Full rebuild: POST /v1/jobs/profiles-rebuild/runs answered after %.1f s (service's durationMs %,d),"
                        + " %,d profiles, chunk size %d; RSS max %.0f MB; GC %,d pauses, %.1f s; CPU seconds during the run:"
                        + " service %.1f, PostgreSQL %.1f (of %.0f available on %s cores)",
                rebuild.seconds,
                rebuild.serviceMillis,
                rebuild.rows,
                chunkSize,
                mb(rebuild.maxRss),
                rebuild.gcCount,
                rebuild.gcSeconds,
                rebuild.cpu.service,
                rebuild.cpu.postgres,
                rebuild.seconds * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors()));
        details(fmt(
                "Reference: one GROUP BY user_id scan per table the job reads, with its filters, over JDBC: %s;"
                        + " %,d users in %.2f s (PostgreSQL CPU %.1f s)",
                scans, reference.users, reference.seconds(), reference.postgresCpu));
        details(fmt(
                "Incremental: %,d users marked, recomputed in %.1f s (service's durationMs %,d); heap max %.0f MB",
                marked, incremental.seconds, incremental.serviceMillis, mb(incremental.maxHeapUsed)));
        details(fmt(
                "Machine: %s CPUs (%s), %s, load average at start %s; Java %s (%s); %s (embedded, fsync=off,"
                        + " synchronous_commit=off, shared_buffers=128MB); service JVM %s%s",
                machine.nproc(),
                machine.cpuModel(),
                machine.memory(),
                machine.loadAverage(),
                machine.java(),
                machine.javaVm(),
                machine.postgres(),
                String.join(" ", ServiceJvm.memoryOptions(repo, null)) + (heapGiven ? " -Xmx" + heap : ""),
                serviceJavaOpts.isEmpty() ? "" : " " + String.join(" ", serviceJavaOpts)));
    }

    private void row(String stage, String figure, String reference, String ratio, String goal, String holds) {
        rows.add(new String[] {stage, figure, reference, ratio, goal, holds});
    }

    private final List<String> notes = new ArrayList<>();

    private void details(String line) {
        notes.add(line);
    }

    private void printTable(Machine machine) {
        System.out.println();
        System.out.println("## Results (" + Instant.now().toString().substring(0, 10) + ", " + machine.oneLine() + ")");
        System.out.println();
        System.out.println("| Stage | Figure | Reference | Ratio | Goal | Holds |");
        System.out.println("|---|---:|---:|---:|---|---|");
        for (String[] r : rows) {
            if (r.length > 0) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
        }
        System.out.println();
        notes.forEach(n -> System.out.println("* " + n));
        System.out.println();
    }

    private static long parseHeap(String v) {
        long n = Long.parseLong(v.replaceAll("[^0-9]", ""));
        return switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
            case 'k' -> n * 1024;
            case 'm' -> n * 1024 * 1024;
            case 'g' -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    // ------------------------------------------------------------------ the service process

    /** The heap figures of one /q/metrics scrape. */
    record Metrics(long heapUsed, long oldGenUsed, long liveData, double gcPauseSeconds, long gcPauses) {}

    /**
     * profile-service's {@code quarkus-run.jar} as a child JVM, like local-infra's {@code ServiceProcess} (its config
     * from {@code ServiceConfig.forService}) with the JVM options it is deployed with ({@code
     * profile-service/src/main/docker/jvm.options}, as ServiceProcess and the image use them), and {@code --heap}'s
     * {@code -Xmx} when given.
     */
    static final class ServiceJvm implements AutoCloseable {
        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

        private final Process process;
        private final int port;
        private final int managementPort;
        final Path log;
        private final HttpClient http = HttpClient.newHttpClient();

        private ServiceJvm(Process process, int port, int managementPort, Path log) {
            this.process = process;
            this.port = port;
            this.managementPort = managementPort;
            this.log = log;
        }

        /** The deployment's memory options ({@code @jvm.options}), then {@code -Xmx<heap>} when one is given. */
        static List<String> memoryOptions(Path repo, String heap) {
            List<String> options = new ArrayList<>(List.of("@" + jvmOptions(repo)));
            if (heap != null) {
                options.add("-Xmx" + heap);
            }
            return options;
        }

        /** The last -Xmx of these options, an options file's included. */
        static String maxHeap(List<String> options) throws IOException {
            String max = null;
            for (String option : options) {
                List<String> expanded = option.startsWith("@")
                        ? Files.readAllLines(Path.of(option.substring(1))).stream()
                                .map(String::strip)
                                .toList()
                        : List.of(option);
                for (String o : expanded) {
                    if (o.startsWith("-Xmx")) {
                        max = o.substring(4);
                    }
                }
            }
            if (max == null) {
                throw new IllegalStateException("no -Xmx in " + options);
            }
            return max;
        }

        private static Path jvmOptions(Path repo) {
            return repo.resolve("profile-service/src/main/docker/jvm.options").toAbsolutePath();
        }

        static ServiceJvm start(
                Path repo, Path log, List<String> memory, List<String> javaOpts, Map<String, String> extraConfig)
                throws IOException {
            Path jar = repo.resolve("profile-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " does not exist: build profile-service first");
            }
            int port = freePort();
            int managementPort = freePort();
            while (managementPort == port) {
                managementPort = freePort();
            }
            Map<String, String> config = new LinkedHashMap<>(extraConfig);
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("quarkus.management.port", Integer.toString(managementPort));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(memory);
            command.addAll(javaOpts);
            config.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(jar.toString());
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ServiceJvm service = new ServiceJvm(process, port, managementPort, log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "profile-service-stop"));
            return service;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** /q/health and /q/metrics are on the management interface (ADR 0075). */
        String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }

        long pid() {
            return process.pid();
        }

        ServiceJvm awaitReady(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "profile-service exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    HttpResponse<Void> r = http.send(
                            HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return this;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("profile-service not ready after " + timeout + ", see " + log);
                }
                TimeUnit.MILLISECONDS.sleep(200); // polling a child process's start-up, not a test
            }
        }

        /** One scrape of /q/metrics: heap used (every heap pool), the old generation, live data, GC pauses. */
        Metrics metrics() throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("/q/metrics answered " + r.statusCode());
            }
            String text = r.body();
            return new Metrics(
                    (long) sum(text, "jvm_memory_used_bytes", l -> l.contains("area=\"heap\"")),
                    (long) sum(
                            text,
                            "jvm_memory_used_bytes",
                            l -> l.contains("area=\"heap\"") && (l.contains("Tenured") || l.contains("Old"))),
                    (long) sum(text, "jvm_gc_live_data_size_bytes", l -> true),
                    sum(text, "jvm_gc_pause_seconds_sum", l -> true),
                    (long) sum(text, "jvm_gc_pause_seconds_count", l -> true));
        }

        private static double sum(String text, String name, Predicate<String> labels) {
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                Matcher m = SAMPLE.matcher(line);
                if (m.find() && m.group(1).equals(name) && labels.test(m.group(2) == null ? "" : m.group(2))) {
                    total += Double.parseDouble(m.group(3));
                }
            }
            return total;
        }

        /** The process's resident set (VmRSS), 0 when unknown. */
        long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // below
            }
            return 0;
        }

        /** Fails when the service died or logged an OutOfMemoryError. */
        void failOnOutOfMemory() {
            if (!process.isAlive()) {
                throw new IllegalStateException("profile-service exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (Files.readString(log).contains("OutOfMemoryError")) {
                    throw new IllegalStateException("profile-service ran out of heap, see " + log);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy(); // SIGTERM: Quarkus shuts down
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        /** A free port below the kernel's ephemeral range (see local-infra's ChildProcesses.freePort). */
        private static int freePort() {
            int high = 32_768;
            try {
                int start = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                        .get(0)
                        .trim()
                        .split("\\s+")[0]);
                high = start > 11_000 ? start : high;
            } catch (IOException | RuntimeException e) {
                // the default
            }
            for (int attempt = 0; attempt < 500; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(10_000, high - 1);
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(port));
                    return port;
                } catch (IOException e) {
                    // taken: another one
                }
            }
            throw new IllegalStateException("no free port");
        }
    }
}
