package com.newsmell.collector.ingest;

import com.newsmell.contract.UserInteractionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Server-side facts added once, at the collector: eventId, clock-skew correction, user-agent
 * classification, truncated client address and country.
 */
@ApplicationScoped
public class Enricher {

    private final UserAgentClassifier userAgents;

    public Enricher(UserAgentClassifier userAgents) {
        this.userAgents = userAgents;
    }

    public UserInteractionEvent enrich(UserInteractionEvent event, RequestContext request) {
        Instant clientTimestamp = event.clientTimestamp() != null ? event.clientTimestamp() : event.timestamp();
        Instant timestamp = clientTimestamp;
        if (event.sentAt() != null) {
            // derived = receivedAt - (sentAt - timestamp): the client's clock offset cancels out.
            timestamp = request.receivedAt().minus(Duration.between(clientTimestamp, event.sentAt()));
        }
        String userAgent = event.userAgent() != null ? event.userAgent() : request.userAgent();
        UserAgentClassifier.UserAgentInfo agent = userAgents.classify(userAgent);
        boolean clientSaysBot = event.isBot();
        return event.toBuilder()
                .eventId(
                        event.eventId() != null
                                ? event.eventId()
                                : UUID.randomUUID().toString())
                .schemaVersion(UserInteractionEvent.CURRENT_SCHEMA_VERSION)
                .eventCategory(event.eventType().category())
                .timestamp(timestamp)
                .clientTimestamp(clientTimestamp)
                .receivedAt(request.receivedAt())
                .userAgent(userAgent)
                .deviceType(agent.deviceType() != null ? agent.deviceType() : event.deviceType())
                .browser(agent.browser())
                .os(agent.os())
                .isBot(agent.isBot() || clientSaysBot)
                .botReason(agent.isBot() ? agent.botReason() : clientSaysBot ? "declared by the client" : null)
                .ipPrefix(truncate(request.clientAddress()))
                .location(country(request.country()))
                .build();
    }

    /** IPv4 to its /24, IPv6 to its /48: the whole address is never kept. */
    static String truncate(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String candidate = address.trim();
        if (candidate.startsWith("[") && candidate.contains("]")) {
            candidate = candidate.substring(1, candidate.indexOf(']'));
        }
        if (!candidate.matches("[0-9a-fA-F:.]+")) {
            return null; // never resolve names
        }
        try {
            byte[] bytes = InetAddress.getByName(candidate).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            return String.format(
                            "%x:%x:%x::/48",
                            ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
                            ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff),
                            ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff))
                    .toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static String country(String header) {
        if (header == null) {
            return null;
        }
        String code = header.trim().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") && !code.equals("XX") ? code : null;
    }
}
