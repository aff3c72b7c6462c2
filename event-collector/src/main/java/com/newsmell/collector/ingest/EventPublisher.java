package com.newsmell.collector.ingest;

import com.newsmell.contract.EventCodec;
import com.newsmell.contract.UserInteractionEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes accepted events to the interaction topic, keyed by {@link UserInteractionEvent#partitionKey()} (the sessionId,
 * else the anonymousId, else the userId: ADR 0061), and completes once Kafka has acknowledged every one of them (the
 * channel {@code interactions-out}: acks=all, idempotent).
 *
 * <p>A request's events go as one hand-over to the channel's producer (ADR 0073): their records are sent together on
 * the connector's sending thread, each with the W3C context of one send span ({@code "<topic> publish"}, a child of
 * the request's span, ADR 0058) in its headers, and the request's answer resumes on its Vert.x context when the last
 * acknowledgement arrives. One Mutiny pipeline, one context snapshot and one span per request instead of per event.
 */
@ApplicationScoped
public class EventPublisher {

    private static final String CHANNEL = "interactions-out";

    private static final TextMapSetter<Headers> HEADERS =
            (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));

    private final KafkaClientService kafka;
    private final String topic;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param wiring the channel's emitter: not used to send, but it is what makes SmallRye create the channel's
     *     producer, which {@link KafkaClientService} then hands out
     */
    public EventPublisher(
            @Channel(CHANNEL) MutinyEmitter<String> wiring,
            KafkaClientService kafka,
            @ConfigProperty(name = "newsmell.topics.interactions") String topic,
            OpenTelemetry otel) {
        this.kafka = kafka;
        this.topic = topic;
        this.tracer = otel.getTracer("com.newsmell.collector");
        this.propagator = otel.getPropagators().getTextMapPropagator();
    }

    public Uni<Void> publish(UserInteractionEvent event) {
        return publishAll(List.of(event));
    }

    /** Publishes the events; completes when Kafka has acknowledged all of them, fails with the first failure. */
    public Uni<Void> publishAll(List<UserInteractionEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(topic + " publish")
                    .setSpanKind(SpanKind.PRODUCER)
                    .setParent(Context.current())
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation", "publish")
                    .setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.batch.message_count", (long) events.size())
                    .startSpan();
            List<ProducerRecord<String, String>> records = new ArrayList<>(events.size());
            Context sending = Context.current().with(span);
            for (UserInteractionEvent event : events) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(topic, event.partitionKey(), EventCodec.toJson(event));
                propagator.inject(sending, record.headers(), HEADERS);
                records.add(record);
            }
            io.vertx.core.Context caller = Vertx.currentContext();
            return Uni.createFrom()
                    .<Void>emitter(done -> send(records, done, caller))
                    .onTermination()
                    .invoke((item, failure, cancelled) -> {
                        if (failure != null) {
                            span.recordException(failure).setStatus(StatusCode.ERROR);
                        }
                        span.end();
                    });
        });
    }

    private void send(
            List<ProducerRecord<String, String>> records, UniEmitter<? super Void> done, io.vertx.core.Context caller) {
        AtomicInteger pending = new AtomicInteger(records.size());
        AtomicBoolean finished = new AtomicBoolean();
        producer()
                .runOnSendingThread(kafkaProducer -> {
                    for (ProducerRecord<String, String> record : records) {
                        try {
                            kafkaProducer.send(record, (metadata, failure) -> {
                                if (failure != null) {
                                    finish(finished, caller, () -> done.fail(failure));
                                } else if (pending.decrementAndGet() == 0) {
                                    finish(finished, caller, () -> done.complete(null));
                                }
                            });
                        } catch (RuntimeException failure) {
                            finish(finished, caller, () -> done.fail(failure));
                            return;
                        }
                    }
                })
                .subscribe()
                .with(ignored -> {}, failure -> finish(finished, caller, () -> done.fail(failure)));
    }

    /** Completes the request once, back on its Vert.x context (the acknowledgements arrive on Kafka's thread). */
    private static void finish(AtomicBoolean finished, io.vertx.core.Context caller, Runnable completion) {
        if (finished.compareAndSet(false, true)) {
            if (caller == null) {
                completion.run();
            } else {
                caller.runOnContext(ignored -> completion.run());
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            p = kafka.getProducer(CHANNEL);
            producer = p;
        }
        return p;
    }
}
