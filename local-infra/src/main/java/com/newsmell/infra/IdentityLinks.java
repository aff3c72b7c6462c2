package com.newsmell.infra;

import com.newsmell.contract.IdentityLink;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test helpers: identity links (ADR 0062, 0064) as the collector puts them on the run's identity-links topic. */
public final class IdentityLinks {

    private IdentityLinks() {}

    /** A link made by an identify call at {@code linkedAt}. */
    public static IdentityLink link(String anonymousId, String userId, Instant linkedAt) {
        return new IdentityLink(anonymousId, userId, "identify", linkedAt, "web", null);
    }

    /** Publishes the links keyed by anonymousId, acknowledged by Kafka. */
    public static void publish(IdentityLink... links) {
        TopicReader.write(
                topic(),
                List.of(links).stream().map(l -> Map.entry(l.key(), l.toJson())).toList());
    }

    /** Publishes a raw value (poison) with this key. */
    public static void publishRaw(String key, String value) {
        TopicReader.write(topic(), List.of(Map.entry(key, value)));
    }

    public static String topic() {
        return Infra.shared().topic(ServiceConfig.IDENTITY_LINKS);
    }
}
