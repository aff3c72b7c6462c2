package com.newsmell.bench;

import com.newsmell.infra.Infra;
import com.newsmell.infra.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the figures were measured on. */
record Machine(
        String nproc,
        String cpuModel,
        String memory,
        String loadAverage,
        String java,
        String javaVm,
        String kafka,
        String postgres) {

    static Machine describe(Infra infra) {
        return new Machine(
                readNproc(),
                readCpuModel(),
                readMemory(),
                firstWords(read("/proc/loadavg"), 3),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                kafkaVersion(),
                postgresVersion(infra.postgres()));
    }

    /** The machine alone, for a benchmark that starts no broker or database. */
    static Machine describeLocal() {
        return new Machine(
                readNproc(),
                readCpuModel(),
                readMemory(),
                firstWords(read("/proc/loadavg"), 3),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                "-",
                "-");
    }

    String oneLineLocal() {
        return String.format(
                Locale.ROOT,
                "%s CPUs (%s), %s RAM, Java %s, load average %s",
                nproc,
                cpuModel,
                memory,
                java,
                loadAverage);
    }

    String oneLine() {
        return String.format(
                Locale.ROOT, "%s CPUs, %s RAM, Java %s, Kafka %s, %s", nproc, memory, java, kafka, postgres);
    }

    private static String readNproc() {
        try {
            Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // fall back to the JVM's view
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.toString(Runtime.getRuntime().availableProcessors());
    }

    private static String readCpuModel() {
        Matcher m = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$").matcher(read("/proc/cpuinfo"));
        return m.find() ? m.group(1).trim() : System.getProperty("os.arch");
    }

    private static String readMemory() {
        Matcher m = Pattern.compile("(?m)^MemTotal:\\s*(\\d+) kB").matcher(read("/proc/meminfo"));
        if (!m.find()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(m.group(1)) / 1024.0 / 1024.0);
    }

    /** The broker's version: the kafka_2.13 jar of the classpath local-infra starts the broker with. */
    private static String kafkaVersion() {
        try (InputStream in = Infra.class.getResourceAsStream("/META-INF/newsmell/runtime.classpath")) {
            if (in != null) {
                String cp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("kafka_2\\.13-([^/:]+?)\\.jar").matcher(cp);
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            // below
        }
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }

    private static String postgresVersion(PostgresServer pg) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select version()")) {
            rs.next();
            String v = rs.getString(1);
            int on = v.indexOf(" on ");
            return on > 0 ? v.substring(0, on) : v;
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstWords(String s, int n) {
        String[] words = s.trim().split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(n, words.length)));
    }
}
