package com.newsmell.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void parsesEveryOption() {
        SimulatorOptions o = SimulatorOptions.parse(
                "--url",
                "http://collector:9090/",
                "--rate",
                "0",
                "--duration",
                "2m",
                "--seed",
                "42",
                "--batch-size",
                "100",
                "--users",
                "20",
                "--bot-share",
                "0.1",
                "--randomized-share",
                "0.2",
                "--concurrency",
                "8",
                "--pad-to-bytes=800",
                "--quiet");
        assertEquals("http://collector:9090", o.url().toString());
        assertEquals(0, o.rate());
        assertEquals(Duration.ofMinutes(2), o.duration());
        assertNull(o.maxEvents());
        assertEquals(42, o.seed());
        assertEquals(100, o.batchSize());
        assertEquals(20, o.users());
        assertEquals(0.1, o.botShare());
        assertEquals(0.2, o.randomizedShare());
        assertEquals(8, o.concurrency());
        assertEquals(800, o.padToBytes());
        assertTrue(o.quiet());
    }

    @Test
    void theWriteKeyIsAnOption() {
        assertEquals("nsk_x", SimulatorOptions.parse("--write-key", "nsk_x").writeKey());
        assertEquals(null, SimulatorOptions.defaults().withWriteKey(" ").writeKey());
    }

    @Test
    void eventsAloneDropTheDefaultDuration() {
        SimulatorOptions o = SimulatorOptions.parse("--events", "1000");
        assertEquals(1000L, o.maxEvents());
        assertNull(o.duration());
        SimulatorOptions both = SimulatorOptions.parse("--events", "1000", "--duration", "30s");
        assertEquals(Duration.ofSeconds(30), both.duration());
        assertEquals(Duration.ofSeconds(60), SimulatorOptions.parse().duration());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), SimulatorOptions.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(60), SimulatorOptions.parseDuration("60s"));
        assertEquals(Duration.ofSeconds(45), SimulatorOptions.parseDuration("45"));
        assertEquals(Duration.ofHours(1), SimulatorOptions.parseDuration("1h"));
        assertEquals(Duration.ofMinutes(1), SimulatorOptions.parseDuration("PT1M"));
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--batch-size", "501"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--bot-share", "2"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--randomized-share", "-0.1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--rate", "fast"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--url", "ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--nope", "1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.parse("--events"));
        assertThrows(SimulatorOptions.HelpRequested.class, () -> SimulatorOptions.parse("--help"));
    }

    @Test
    void cliHelpAndUsageErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, TrafficSimulator.run(new String[] {"--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--pad-to-bytes"));
        assertEquals(2, TrafficSimulator.run(new String[] {"--rate", "-1"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--rate must be >= 0"));
    }
}
