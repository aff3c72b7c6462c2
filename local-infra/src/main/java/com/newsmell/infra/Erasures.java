package com.newsmell.infra;

import static org.awaitility.Awaitility.await;

import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.ErasureRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helper: publishes an erasure request on the run's privacy-requests topic and awaits a service's ack. */
public final class Erasures {

    private Erasures() {}

    /** Publishes a request for the user; returns its id. */
    public static String request(String userId) {
        String requestId = UUID.randomUUID().toString();
        TopicReader.write(
                Infra.shared().topic(ServiceConfig.PRIVACY_REQUESTS),
                List.of(Map.entry(requestId, new ErasureRequest(requestId, userId, Instant.now()).toJson())));
        return requestId;
    }

    /** The service's acknowledgement of the request, once it is on privacy-acks. */
    public static ErasureAck awaitAck(String requestId, String service) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> TopicReader.readAll(Infra.shared().topic(ServiceConfig.PRIVACY_ACKS)).stream()
                                .filter(r -> requestId.equals(r.key()))
                                .map(r -> ErasureAck.fromJson(r.value()))
                                .filter(a -> a.service().equals(service))
                                .findFirst()
                                .orElse(null),
                        a -> a != null);
    }
}
