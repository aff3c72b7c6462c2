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
import java.time.Duration;
import java.util.Base64;

/**
 * The credentials of clients of a running system (issue 16), made in one place for ./scripts/up, the end-to-end tests
 * and the benchmarks: a write key created through the collector's admin API, as an operator creates one.
 *
 * <p>{@code java -cp … com.newsmell.infra.Credentials --collector URL --env-file FILE [--jwt-dir DIR]} creates a
 * development key with an admin token of the signing key kept in DIR ({@link Tokens#inDirectory}, the one the services
 * verify; without it, {@code $NEWSMELL_ADMIN_TOKEN}) and writes {@code NEWSMELL_WRITE_KEY=…} to FILE (shell {@code KEY=value} lines), which scripts source.
 */
public final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A key's limit high enough for a test, a benchmark or the demo from one machine (per replica). */
    private static final int GENEROUS_RATE = 100_000;

    private Credentials() {}

    /**
     * A new write key of {@code source} from any origin, with a generous limit: the key itself. Created with this
     * JVM's admin token (the write-key API takes the admin role, ADR 0063), which the services local-infra starts
     * verify.
     */
    public static String createWriteKey(String collectorUrl, String source) {
        return createWriteKey(collectorUrl, source, Tokens.shared().admin());
    }

    /** A new write key of {@code source}, created with {@code adminToken}: the key itself. */
    public static String createWriteKey(String collectorUrl, String source, String adminToken) {
        String body = "{\"source\":\"" + source + "\",\"allowedOrigins\":[\"*\"],\"ratePerSecond\":" + GENEROUS_RATE
                + ",\"burst\":" + GENEROUS_RATE + "}";
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/write-keys"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + adminToken)
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
        String adminToken = jwtDir != null ? Tokens.inDirectory(jwtDir).admin() : System.getenv("NEWSMELL_ADMIN_TOKEN");
        if (collector == null || envFile == null || adminToken == null) {
            throw new IllegalArgumentException(
                    "usage: Credentials --collector URL --env-file FILE [--jwt-dir DIR] (without --jwt-dir, the admin"
                            + " token is $NEWSMELL_ADMIN_TOKEN)");
        }
        String key = createWriteKey(collector, "web", adminToken);
        Files.writeString(envFile, "NEWSMELL_WRITE_KEY=" + key + "\n", StandardCharsets.UTF_8);
    }
}
