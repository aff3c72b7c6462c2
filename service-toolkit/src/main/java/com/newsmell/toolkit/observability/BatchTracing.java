package com.newsmell.toolkit.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The span of one consumed batch (issue 18, ADR 0058): a batch holds events of many traces, so its span is a root
 * with a span link to the send span of each of its events (the W3C context the producer put in the record's
 * headers), as OpenTelemetry's messaging conventions have it for batch processing. The database spans of the batch
 * are its children. Without an exporter (tracing off) the spans are no-ops.
 */
@ApplicationScoped
public class BatchTracing {

    /** Span links per batch span: at most the SDK's default link limit. */
    static final int MAX_LINKS = 128;

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final OpenTelemetry otel;
    private final Tracer tracer;

    public BatchTracing(OpenTelemetry otel) {
        this.otel = otel;
        this.tracer = otel.getTracer("com.newsmell.toolkit");
    }

    /** The send span's context carried in a record's headers (invalid when there is none). */
    public SpanContext sendContext(Headers headers) {
        Context extracted = otel.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
        return Span.fromContext(extracted).getSpanContext();
    }

    /**
     * Runs {@code work} inside the span {@code "<topic> process"} of a batch of {@code size} records, linked to the
     * given send spans; the span ends when the work ends, with an error status if it failed.
     */
    public <T> Uni<T> inBatchSpan(String topic, int size, List<SpanContext> sends, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            SpanBuilder builder = tracer.spanBuilder(topic + " process")
                    .setSpanKind(SpanKind.CONSUMER)
                    .setNoParent()
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation", "process")
                    .setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.batch.message_count", (long) size);
            sends.stream().filter(SpanContext::isValid).limit(MAX_LINKS).forEach(builder::addLink);
            Span span = builder.startSpan();
            Scope scope = span.makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                scope.close();
                span.recordException(e).setStatus(StatusCode.ERROR).end();
                throw e;
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure).setStatus(StatusCode.ERROR);
                }
                scope.close();
                span.end();
            });
        });
    }
}
