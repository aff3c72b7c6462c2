package com.newsmell.collector.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Work-around for the toolkit's {@link JsonConvention}: its Instant serializer (ADR 0015, exactly three fractional
 * digits) is registered at the default customizer priority, before Quarkus registers the JavaTimeModule, whose
 * serializer then wins (an instant on a whole second is written without fractional digits). This customizer runs
 * last and registers the convention's format again. Remove it once the toolkit's customizer runs after the modules.
 */
@Singleton
public class JsonInstants implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("event-collector-instants").addSerializer(Instant.class, new Millis()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class Millis extends StdSerializer<Instant> {
        Millis() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(JsonConvention.format(value));
        }
    }
}
