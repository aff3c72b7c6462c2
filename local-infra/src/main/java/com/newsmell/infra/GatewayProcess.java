package com.newsmell.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The GraphQL gateway (graphql-gateway/: Hive Gateway on Node) run as a child process over running services, for the
 * end-to-end tests and the benchmarks. It needs Node 20+ on the PATH and graphql-gateway/node_modules (npm ci);
 * {@link #unavailable} says why it cannot run, so that callers skip loudly.
 */
public final class GatewayProcess implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private GatewayProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Why the gateway cannot run here (no Node 20+, no node_modules), or empty when it can. */
    public static Optional<String> unavailable(Path repo) {
        try {
            Process node = new ProcessBuilder("node", "-p", "process.versions.node.split('.')[0]")
                    .redirectErrorStream(true)
                    .start();
            String major = new String(node.getInputStream().readAllBytes()).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0 || Integer.parseInt(major) < 20) {
                return Optional.of("Node 20+ is needed (node -p printed " + major + ")");
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.of("node is not on the PATH (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        if (!Files.isDirectory(repo.resolve("graphql-gateway/node_modules/@graphql-hive/gateway"))) {
            return Optional.of("graphql-gateway/node_modules is missing: run npm ci in graphql-gateway/");
        }
        return Optional.empty();
    }

    /**
     * Starts the gateway on a free port with each subgraph at {@code <baseUrl>/graphql} of its service. It forwards each
     * caller's token to the subgraphs (ADR 0063); its dashboard page gets this run's analyst token
     * ({@code NEWSMELL_DASHBOARD_TOKEN}, as ./scripts/up gives the local one).
     */
    public static GatewayProcess start(Path repo, Map<String, String> subgraphBaseUrls) {
        Path dir = repo.resolve("graphql-gateway");
        int port = ChildProcesses.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWSMELL_DASHBOARD_TOKEN", Tokens.shared().analyst());
        subgraphBaseUrls.forEach((subgraph, url) ->
                env.put("SUBGRAPH_" + subgraph.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL", url + "/graphql"));
        List<String> command = new ArrayList<>(List.of(
                "node",
                dir.resolve("node_modules/@graphql-hive/gateway/dist/bin.js").toString(),
                "supergraph",
                "--config-path",
                dir.resolve("gateway.config.mjs").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port)));
        Path log = Path.of("target", "services", "graphql-gateway.log").toAbsolutePath();
        return new GatewayProcess(port, ChildProcesses.start(command, log, env), log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until /readiness answers 200. */
    public GatewayProcess awaitReady(Duration timeout) {
        ChildProcesses.awaitHttpOk("graphql-gateway", baseUrl() + "/readiness", process, log, timeout);
        return this;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, "TERM", Duration.ofSeconds(10));
    }
}
