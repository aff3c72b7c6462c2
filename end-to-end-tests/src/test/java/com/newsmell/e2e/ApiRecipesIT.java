package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.infra.Tokens;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22, "Done when": every recipe in docs/api.md, exactly as written, works against the running system. Each
 * curl command's arguments are expanded by bash (dates, ids, the tokens of .data/credentials.env), then sent with the
 * credentials it names and no other (issue 16: a read recipe without its token would fail for its reader); the answer
 * must be 200 and JSON or CSV.
 */
class ApiRecipesIT {

    private static final Path GUIDE = Path.of("").toAbsolutePath().getParent().resolve("docs/api.md");
    private static final Map<String, String> PORTS = Map.of(
            "http://localhost:8080", RunningSystem.COLLECTOR,
            "http://localhost:8081", RunningSystem.SESSIONS,
            "http://localhost:8082", RunningSystem.PROFILES,
            "http://localhost:8083", RunningSystem.PERFUME_STATS,
            "http://localhost:8084", RunningSystem.RECOMMENDATIONS);

    private static RunningSystem system;
    private static ScriptedStream stream;

    @BeforeAll
    static void startSystemWithData() {
        system = RunningSystem.shared();
        stream = new ScriptedStream();
        Http.post(system.url(RunningSystem.COLLECTOR) + "/v1/events/batch", stream.batchBody());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(Http.get(system.url(RunningSystem.PERFUME_STATS) + "/v1/perfumes/" + stream.p1 + "/stats")
                            .status())
                    .isEqualTo(200);
            assertThat(Http.get(system.url(RunningSystem.SESSIONS) + "/v1/sessions/" + stream.sessionA1)
                            .status())
                    .isEqualTo(200);
            assertThat(Http.get(system.url(RunningSystem.RECOMMENDATIONS) + "/v1/recommendations/"
                                    + stream.recommendation + "/feedback")
                            .status())
                    .isEqualTo(200);
            assertThat(Http.get(system.url(RunningSystem.PROFILES) + "/v1/profiles/" + stream.userA + "/perfumes/"
                                    + stream.p1 + "/features")
                            .status())
                    .isEqualTo(200);
        });
    }

    /** The curl commands of the guide's bash blocks, in order. */
    static List<String> recipes() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
            } else if (inBash && line.startsWith("curl ")) {
                commands.add(line);
            }
        }
        return commands;
    }

    @Test
    void everyRecipeInTheGuideAnswers() throws Exception {
        List<String> recipes = recipes();
        assertThat(recipes).as("recipes in docs/api.md").hasSizeGreaterThanOrEqualTo(10);
        List<String> failures = new ArrayList<>();
        for (String recipe : recipes) {
            List<String> args = expand(recipe);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", ""); // none unless the recipe names one
            String url = null;
            StringBuilder data = new StringBuilder();
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-H")) {
                    String[] header = args.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                } else if (a.equals("--data-urlencode")) { // with -G: appended to the query, the value encoded
                    String[] pair = args.get(++i).split("=", 2);
                    data.append('&')
                            .append(pair[0])
                            .append('=')
                            .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
                } else if (!a.startsWith("-")) {
                    url = a;
                }
            }
            assertThat(url).as(recipe).isNotNull();
            for (Map.Entry<String, String> port : PORTS.entrySet()) {
                url = url.replace(port.getKey(), system.url(port.getValue()));
            }
            url = url + data; // as typed: a raw | would be refused by the server, as it is for curl
            Http.Response response = Http.get(url, headers);
            boolean csv = "text/csv".equals(headers.get("Accept"));
            if (response.status() != 200) {
                failures.add(recipe + "\n  -> " + response.describe());
            } else if (csv) {
                assertThat(response.header("Content-Type")).as(recipe).startsWith("text/csv");
                assertThat(response.body().split("\r\n")[0]).as(recipe).isNotBlank();
            } else {
                assertThat(response.json().isObject()).as(recipe).isTrue();
            }
        }
        assertThat(failures).as("recipes that did not answer 200").isEmpty();
    }

    /** The command's words after bash's expansions (variables, $(date ...)), the ids set from the test's data. */
    private static List<String> expand(String command) throws Exception {
        String script = "USER_ID='" + stream.userA + "'; SESSION_ID='" + stream.sessionA1 + "'; PERFUME_ID='"
                + stream.p1 + "'; RECOMMENDATION_ID='" + stream.recommendation + "'; NEWSMELL_WRITE_KEY='"
                + system.writeKey() + "'; NEWSMELL_ANALYST_TOKEN='"
                + Tokens.shared().analyst()
                + "'; NEWSMELL_ADMIN_TOKEN='" + Tokens.shared().admin() + "'\n"
                + "printf '%s\\n' " + command;
        Process bash = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(command + "\n" + out).isZero();
        return List.of(out.split("\n"));
    }
}
