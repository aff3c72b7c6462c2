package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    /**
     * CI clones the repo under a longer path than a developer's machine. In recommendation-feedback-service the
     * Unix-socket path {@code <module>/target/newsmell-infra-<pid>/postgres/sockets/.s.PGSQL.<port>} passed the
     * 107-byte limit of {@code sun_path}, and PostgreSQL exited with "could not create any Unix-domain sockets". The
     * embedded server now listens on TCP only, so the folder's depth no longer matters.
     */
    @Test
    void anEmbeddedServerStartsInAFolderDeeperThanTheUnixSocketLimit() throws Exception {
        Path deep = Path.of("target", "deep-" + "x".repeat(60), "y".repeat(60)).toAbsolutePath();
        assertTrue(deep.toString().length() > 120, deep.toString());
        PostgresServer server = PostgresServer.embedded(deep, ChildProcesses.freePort());
        try {
            server.start();
            try (var connection = server.connect("postgres");
                    var rows = connection.createStatement().executeQuery("select 1")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
            }
        } finally {
            server.stop();
            ChildProcesses.deleteRecursively(deep.getParent());
        }
        assertTrue(Files.notExists(deep));
    }
}
