package com.newsmell.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The credentials of clients of a running system (issue 16), made in one place for ./scripts/up, the end-to-end tests
 * and the benchmarks: a write key created through the collector's admin API (with an admin token, ADR 0063), as an
 * operator creates one.
 *
 * <p>{@code java -cp … com.newsmell.infra.Credentials --collector URL --jwt-dir DIR --env-file FILE} creates a
 * development key with the admin token of the signing key kept in DIR ({@link Tokens#inDirectory}) and appends {@code
 * NEWSMELL_WRITE_KEY=…} to FILE (shell {@code KEY=value} lines), which scripts source.
 */
public final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A key's limit high enough for a test, a benchmark or the demo from one machine (per replica). */
    private static final int GENEROUS_RATE = 100_000;

    private Credentials() {}

    /**
     * A new write key of {@code source} from any origin, with a generous limit: the key itself. Created with this run's
     * admin token ({@link Tokens#shared()}, what the services local-infra starts verify).
     */
    public static String createWriteKey(String collectorUrl, String source) {
        return createWriteKey(collectorUrl, source, Tokens.shared().admin());
    }

    /** The same, with {@code adminToken} (a bearer token of the {@code admin} role). */
    public static String createWriteKey(String collectorUrl, String source, String adminToken) {
        String body = "{\"source\":\"" + source + "\",\"allowedOrigins\":[\"*\"],\"ratePerSecond\":" + GENEROUS_RATE
                + ",\"burst\":" + GENEROUS_RATE + "}";
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/write-keys"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", bearer(adminToken))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException(
                        "POST /v1/write-keys answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body()).path("key").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a write key at " + collectorUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a write key", e);
        }
    }

    /** The Authorization header value carrying a write key: Basic, the key as user name, an empty password. */
    public static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** The requests that authenticate with a write key (ADR 0063): ingest, Segment's and RudderStack's, the catalog. */
    private static final Pattern WRITE_KEY_POSTS =
            Pattern.compile("/v1/(events|events/batch|batch|track|page|screen|identify|alias|group|[tpiagsb])/?");

    private static final Pattern WRITE_KEY_ANY = Pattern.compile("/v1/catalog(/.*)?|/sourceConfig/?");

    /**
     * Whether a request of {@code method} to {@code path} (no query) carries a write key rather than a bearer token:
     * the collector's ingest ({@code POST /v1/events}, {@code /v1/events/batch}, Segment's {@code /v1/batch}, {@code
     * /v1/track}… and the short paths), RudderStack's {@code /sourceConfig} and the catalog API. Every other request (a
     * read or admin API, GraphQL) takes a bearer token; open ones (health, OpenAPI, SDK settings) ignore both.
     */
    public static boolean takesWriteKey(String method, String path) {
        return WRITE_KEY_ANY.matcher(path).matches()
                || ("POST".equalsIgnoreCase(method)
                        && WRITE_KEY_POSTS.matcher(path).matches());
    }

    /**
     * The Authorization header value a client of a running system sends: the write key's Basic for {@link
     * #takesWriteKey}, else the bearer token.
     */
    public static String authorization(String method, String path, String writeKey, String bearerToken) {
        return takesWriteKey(method, path) ? basic(writeKey) : bearer(bearerToken);
    }

    /** The Authorization header value carrying a bearer token (read and admin APIs, GraphQL). */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static void main(String[] args) throws IOException {
        String collector = null;
        Path envFile = null;
        Path jwtDir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--collector" -> collector = args[i + 1];
                case "--env-file" -> envFile = Path.of(args[i + 1]);
                case "--jwt-dir" -> jwtDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (collector == null || envFile == null || jwtDir == null) {
            throw new IllegalArgumentException("usage: Credentials --collector URL --jwt-dir DIR --env-file FILE");
        }
        String key = createWriteKey(collector, "web", Tokens.inDirectory(jwtDir).admin());
        Files.writeString(
                envFile,
                "NEWSMELL_WRITE_KEY=" + key + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
