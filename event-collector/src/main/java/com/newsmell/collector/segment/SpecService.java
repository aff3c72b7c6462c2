package com.newsmell.collector.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.ingest.IngestAdmission;
import com.newsmell.collector.ingest.IngestResult;
import com.newsmell.collector.ingest.IngestService;
import com.newsmell.collector.ingest.IngestService.SpecSubmission;
import com.newsmell.collector.ingest.KafkaUnavailable;
import com.newsmell.collector.ingest.RequestContext;
import com.newsmell.collector.writekey.IngestDoor;
import com.newsmell.collector.writekey.WriteKey;
import com.newsmell.collector.writekey.WriteKeys;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.IdentityLink;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Segment-spec calls (ADR 0060): let in through the ingest's door ({@link IngestDoor}), each message mapped ({@link SpecMapping}), the events
 * checked and published through the collector's ingest ({@link IngestService#ingestSpec}), the identity links
 * published; answered once Kafka acknowledged all of it, per message.
 */
@ApplicationScoped
public class SpecService {

    private final IngestService ingest;
    private final IdentityLinkPublisher links;
    private final WriteKeys writeKeys;
    private final IngestDoor door;
    private final IngestAdmission admission;
    private final CollectorConfig config;
    private final MeterRegistry meters;

    public SpecService(
            IngestService ingest,
            IdentityLinkPublisher links,
            WriteKeys writeKeys,
            IngestDoor door,
            IngestAdmission admission,
            CollectorConfig config,
            MeterRegistry meters) {
        this.ingest = ingest;
        this.links = links;
        this.writeKeys = writeKeys;
        this.door = door;
        this.admission = admission;
        this.config = config;
        this.meters = meters;
    }

    /** An answer to a call: Segment's body and the key's RateLimit headers. */
    public record Received(ObjectNode answer, Map<String, String> headers) {}

    /**
     * One call. {@code type}: the endpoint's message type, or null for a batch ({@code {"batch":[...]}}). Through the
     * collector's one door ({@link IngestDoor}): the client address's bucket first, then (the key may be in the
     * body) the body read and inflated, the key, its origin and its bucket; then the in-flight limit ({@link
     * IngestAdmission}), as for the native endpoints.
     *
     * @throws ProblemException 400/413 for a body that is no call; 401, 403, 429 or 503 from the door
     */
    public Uni<Received> receive(
            byte[] body,
            String contentEncoding,
            String authorization,
            String type,
            RequestContext request,
            IngestDoor.Visitor visitor) {
        Optional<ProblemException> byAddress = door.checkAddress(visitor);
        if (byAddress.isPresent()) {
            return Uni.createFrom().failure(byAddress.get());
        }
        CollectorConfig.Segment limits = config.segment();
        boolean batch = type == null;
        int maxBytes = batch ? limits.maxBatchBytes() : limits.maxEventBytes();
        String rule = batch ? SpecBody.RULE_BATCH_BYTES : SpecBody.RULE_EVENT_BYTES;
        byte[] inflated = SpecBody.inflate(body == null ? new byte[0] : body, contentEncoding, maxBytes, rule);
        JsonNode json = SpecBody.read(inflated, null, maxBytes, rule);
        return door.admit(visitor, SpecBody.writeKey(authorization, json)).chain(admitted -> {
            List<JsonNode> messages = batch ? batchMessages(json) : List.of(json);
            return admission
                    .admit(
                            inflated.length,
                            () -> receive(
                                    messages,
                                    batch ? json : null,
                                    type,
                                    admitted.key().key(),
                                    request))
                    .map(answer -> new Received(answer, admitted.headers()));
        });
    }

    /** The write key's source, or 401 problem+json (the settings documents). */
    public Uni<WriteKey> resolve(String presented) {
        if (presented == null) {
            return Uni.createFrom().failure(IngestDoor.missingKey());
        }
        return writeKeys.resolve(presented).onItem().transform(key -> key.orElseThrow(IngestDoor::invalidKey));
    }

    private Uni<ObjectNode> receive(
            List<JsonNode> messages, JsonNode batch, String type, WriteKey key, RequestContext request) {
        SpecMapping.Request mapping = new SpecMapping.Request(
                key.id(),
                key.source(),
                request.receivedAt(),
                batch == null ? null : batch.get("sentAt"),
                batch == null ? null : batch.get("context"),
                config.segment().traits().orElse(Set.of()));
        List<SpecSubmission> submissions = new ArrayList<>();
        List<Integer> submitted = new ArrayList<>(); // the message index of each submission
        List<IdentityLink> linked = new ArrayList<>();
        ObjectNode[] results = new ObjectNode[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            SpecMapping.Mapped mapped = batch != null
                            && EventCodec.serializedSize(message)
                                    > config.segment().maxEventBytes()
                    ? SpecMapping.Unmapped.of(
                            "",
                            SpecBody.RULE_EVENT_BYTES,
                            "A message is at most " + config.segment().maxEventBytes() + " bytes.")
                    : SpecMapping.map(message, type, mapping);
            ObjectNode result = JsonNodeFactory.instance.objectNode().put("index", i);
            String pointer = batch != null ? "/batch/" + i : "";
            results[i] = result;
            if (mapped instanceof SpecMapping.Event event) {
                submissions.add(new SpecSubmission(
                        pointer, message, event.event(), List.of(), request.forClient(null, event.clientIp())));
                submitted.add(i);
            } else if (mapped instanceof SpecMapping.Unmapped unmapped) {
                submissions.add(new SpecSubmission(pointer, message, null, unmapped.violations(), request));
                submitted.add(i);
            } else if (mapped instanceof SpecMapping.Link link && link.link() != null) {
                linked.add(link.link());
                result.put("status", "linked")
                        .put("anonymousId", link.link().anonymousId())
                        .put("userId", link.link().userId());
            } else {
                result.put("status", "identified");
            }
        }
        Uni<IngestResult> events = submissions.isEmpty()
                ? Uni.createFrom().item(new IngestResult(List.of()))
                : ingest.ingestSpec(submissions, key.source());
        Uni<Void> published = links.publish(linked)
                .onFailure()
                .transform(failure -> failure instanceof ProblemException
                        ? failure
                        : KafkaUnavailable.problem(
                                meters, config.retryAfterSeconds(), "The identity links", "", failure));
        return Uni.combine().all().unis(events, published).asTuple().map(done -> {
            for (IngestResult.Item item : done.getItem1().items()) {
                ObjectNode result = results[submitted.get(item.index())];
                if (item.accepted()) {
                    result.put("status", "accepted").put("eventId", item.eventId());
                } else {
                    result.put("status", "rejected").set("errors", IngestResult.errorsJson(item.errors()));
                }
            }
            return answer(results);
        });
    }

    /** Segment's answer ({@code success}) with the per-message report. */
    static ObjectNode answer(ObjectNode[] results) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("success", true);
        long rejected = java.util.Arrays.stream(results)
                .filter(r -> "rejected".equals(r.path("status").asText()))
                .count();
        answer.put("accepted", results.length - rejected).put("rejected", rejected);
        ArrayNode list = answer.putArray("results");
        for (ObjectNode result : results) {
            list.add(result);
        }
        return answer;
    }

    /** A batch body's messages: {@code {"batch": [...]}}, or 400. */
    static List<JsonNode> batchMessages(JsonNode body) {
        if (!body.isObject()) {
            throw new ProblemException(Problem.invalidParameter(
                    "", Violation.RULE_TYPE, "The body must be an object {\"batch\": [...]}."));
        }
        JsonNode batch = body.get("batch");
        if (batch == null || batch.isNull()) {
            throw new ProblemException(
                    Problem.invalidParameter("/batch", Violation.RULE_REQUIRED, "batch is required."));
        }
        if (!batch.isArray()) {
            throw new ProblemException(
                    Problem.invalidParameter("/batch", Violation.RULE_TYPE, "batch must be an array."));
        }
        List<JsonNode> messages = new ArrayList<>();
        batch.forEach(messages::add);
        return messages;
    }
}
