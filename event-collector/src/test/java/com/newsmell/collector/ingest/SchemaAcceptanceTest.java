package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long a superseded model is accepted (ADR 0040). Plain unit tests. */
class SchemaAcceptanceTest {

    private static final Instant DEPRECATED = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant SUNSET = Instant.parse("2027-03-01T00:00:00Z");
    private static final SchemaAcceptance ACCEPTANCE =
            new SchemaAcceptance(Map.of(1, new SchemaAcceptance.Window(1, DEPRECATED, SUNSET)));

    @Test
    void insideTheWindowASupersededModelIsAcceptedAndDeprecated() {
        Instant at = Instant.parse("2027-02-28T23:59:59Z");
        for (String sent : new String[] {"1", "1-0-0", "1-2-3"}) {
            assertThat(ACCEPTANCE.check(sent, at)).isEmpty();
            assertThat(ACCEPTANCE.deprecated(sent, at)).isPresent();
        }
        SchemaAcceptance.Window w = ACCEPTANCE.deprecated("1", at).orElseThrow();
        assertThat(w.deprecationHeader()).isEqualTo("@" + DEPRECATED.getEpochSecond());
        assertThat(w.sunsetHeader()).isEqualTo("Mon, 1 Mar 2027 00:00:00 GMT");
    }

    @Test
    void fromTheSunsetOnItIsARangeViolationOnSchemaVersion() {
        assertThat(ACCEPTANCE.check("1-0-0", SUNSET)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/schemaVersion");
            assertThat(v.rule()).isEqualTo("range");
            assertThat(v.message()).contains("newsmell.collector.schemas.superseded.1.sunset");
        });
        assertThat(ACCEPTANCE.deprecated("1-0-0", SUNSET)).isEmpty();
    }

    @Test
    void theCurrentModelAndNoVersionAreNeverAffected() {
        for (String sent : new String[] {null, "2", "2-1-0"}) {
            assertThat(ACCEPTANCE.check(sent, SUNSET.plusSeconds(1))).isEmpty();
            assertThat(ACCEPTANCE.deprecated(sent, DEPRECATED)).isEmpty();
        }
    }
}
