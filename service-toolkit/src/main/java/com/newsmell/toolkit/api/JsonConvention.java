package com.newsmell.toolkit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON of every answer (ADR 0015): instants in UTC with exactly three fractional digits
 * ({@code 2026-12-06T04:00:00.000Z}), and one null policy, a field without a value is left out.
 */
@Singleton
public class JsonConvention implements ObjectMapperCustomizer {

    /** The one instant format of the API: milliseconds, UTC. */
    public static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    /**
     * Last of all customizers: Quarkus registers the JavaTimeModule in a customizer of its own, whose Instant
     * serializer would otherwise replace this one.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new SimpleModule("newsmell-api").addSerializer(Instant.class, new InstantMillis()));
    }

    static final class InstantMillis extends StdSerializer<Instant> {
        InstantMillis() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}
