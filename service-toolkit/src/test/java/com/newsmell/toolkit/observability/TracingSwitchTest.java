package com.newsmell.toolkit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void offWithoutAnEndpoint() {
        TracingSwitch off = new TracingSwitch(name -> null, name -> null);
        assertThat(off.getValue("quarkus.otel.sdk.disabled")).isEqualTo("true");
        assertThat(off.getValue("anything.else")).isNull();
    }

    @Test
    void onWhenTheStandardVariableOrAQuarkusPropertyNamesAnEndpoint() {
        Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317");
        assertThat(new TracingSwitch(env::get, name -> null).getValue("quarkus.otel.sdk.disabled"))
                .isEqualTo("false");
        Map<String, String> properties = Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:4318");
        assertThat(new TracingSwitch(name -> null, properties::get).getProperties())
                .containsEntry("quarkus.otel.sdk.disabled", "false");
    }

    @Test
    void aBlankEndpointIsNone() {
        assertThat(new TracingSwitch(name -> " ", name -> "").getValue("quarkus.otel.sdk.disabled"))
                .isEqualTo("true");
    }

    @Test
    void everyOtherSourceWins() {
        assertThat(new TracingSwitch().getOrdinal()).isLessThan(100);
    }
}
