package com.newsmell.toolkit.observability;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is off unless an OTLP endpoint is configured (issue 18, ADR 0058): below every other source, this one
 * answers {@code quarkus.otel.sdk.disabled=true} when neither {@code OTEL_EXPORTER_OTLP_ENDPOINT} nor
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT} (nor the matching system property) is set, so a service run
 * locally exports nothing and logs no export failures. Setting {@code quarkus.otel.sdk.disabled} anywhere else wins.
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final Set<String> ENDPOINTS = Set.of(
            "otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    private final UnaryOperator<String> env;
    private final UnaryOperator<String> properties;

    public TracingSwitch() {
        this(System::getenv, System::getProperty);
    }

    TracingSwitch(UnaryOperator<String> env, UnaryOperator<String> properties) {
        this.env = env;
        this.properties = properties;
    }

    /** Whether an OTLP endpoint is set in the environment or the system properties. */
    boolean endpointSet() {
        for (String name : ENDPOINTS) {
            String envName = name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            if (present(env.apply(envName)) || present(properties.apply(name))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, Boolean.toString(!endpointSet()));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public String getValue(String propertyName) {
        return SDK_DISABLED.equals(propertyName) ? Boolean.toString(!endpointSet()) : null;
    }

    @Override
    public String getName() {
        return "newsmell-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
