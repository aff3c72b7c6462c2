package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildProcessesTest {

    /**
     * A port from the ephemeral range can be taken by an outgoing connection before a child binds it. Ports come from
     * below that range, once each.
     */
    @Test
    void freePortsLieBelowTheEphemeralRangeAndAreNeverHandedOutTwice() throws Exception {
        int ephemeralStart = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0)
                .trim()
                .split("\\s+")[0]);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = ChildProcesses.freePort();
            assertTrue(port >= 10_000 && port < ephemeralStart, "port " + port + ", ephemeral from " + ephemeralStart);
            assertTrue(seen.add(port), "handed out twice: " + port);
        }
        assertEquals(200, seen.size());
    }

    @Test
    void tailShowsTheLastLinesOfALog() throws Exception {
        Path log = Files.createTempFile("child", ".log");
        Files.writeString(log, "one\ntwo\nthree\n");
        assertEquals("two\nthree", ChildProcesses.tail(log, 2));
        assertTrue(ChildProcesses.tail(log.resolveSibling("missing.log"), 2).startsWith("(no log"));
        Files.delete(log);
    }
}
