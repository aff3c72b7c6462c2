package com.newsmell.collector.ingest;

import com.newsmell.contract.UserInteractionEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's enrichment rules (ADR 0003), pure: from the parsed event, what the request tells and what the
 * user agent says, the enriched event. {@link Enricher} adds only the YAUAA classification.
 */
final class Enrichment {

    static final String DECLARED_BY_CLIENT = "declared by the client";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    private Enrichment() {}

    static UserInteractionEvent apply(UserInteractionEvent event, RequestContext request, UserAgentInfo agent) {
        boolean clientSaysBot = event.isBot();
        return event.toBuilder()
                .eventId(
                        event.eventId() != null
                                ? event.eventId()
                                : UUID.randomUUID().toString())
                .schemaVersion(UserInteractionEvent.CURRENT_SCHEMA_VERSION)
                .eventCategory(event.eventType().category())
                .timestamp(notAfter(correctedTimestamp(event, request.receivedAt()), request.receivedAt()))
                .clientTimestamp(clientTimestamp(event))
                .receivedAt(request.receivedAt())
                .userAgent(userAgent(event, request))
                .deviceType(agent.deviceType() != null ? agent.deviceType() : event.deviceType())
                .browser(agent.browser())
                .os(agent.os())
                .isBot(agent.isBot() || clientSaysBot)
                .botReason(agent.isBot() ? agent.botReason() : clientSaysBot ? DECLARED_BY_CLIENT : null)
                .ipPrefix(ipPrefix(request.clientAddress()))
                .location(country(request.country()))
                .build();
    }

    /** The body's user agent, else the request header's. */
    static String userAgent(UserInteractionEvent event, RequestContext request) {
        return event.userAgent() != null ? event.userAgent() : request.userAgent();
    }

    /** The client's own time of the event: clientTimestamp when the event carries one (a replay), else timestamp. */
    static Instant clientTimestamp(UserInteractionEvent event) {
        return event.clientTimestamp() != null ? event.clientTimestamp() : event.timestamp();
    }

    /**
     * The event's time corrected for the client's clock, before {@link #notAfter}: what the accepted time window
     * ({@link EventLimits}) is checked against.
     */
    static Instant correctedTimestamp(UserInteractionEvent event, Instant receivedAt) {
        return correctedTimestamp(clientTimestamp(event), event.sentAt(), receivedAt);
    }

    /**
     * Without sentAt, the client's time; with it, {@code receivedAt - (sentAt - timestamp)}: the client's clock
     * offset cancels out.
     */
    static Instant correctedTimestamp(Instant clientTimestamp, Instant sentAt, Instant receivedAt) {
        if (sentAt == null) {
            return clientTimestamp;
        }
        return receivedAt.minus(Duration.between(clientTimestamp, sentAt));
    }

    /**
     * The stored timestamp: the corrected one, but never later than receivedAt (no stored time is later than the
     * time the event was received). A client clock ahead of the server without sentAt, or a sentAt before the
     * event, would otherwise put the event in the future; the client's own times stay in clientTimestamp and
     * sentAt.
     */
    static Instant notAfter(Instant corrected, Instant receivedAt) {
        return corrected.isAfter(receivedAt) ? receivedAt : corrected;
    }

    /** IPv4 to its /24, IPv6 to its /48: the whole address is never kept; anything else is no prefix. */
    static String ipPrefix(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String candidate = address.trim();
        if (candidate.startsWith("[") && candidate.contains("]")) {
            candidate = candidate.substring(1, candidate.indexOf(']'));
        }
        Matcher v4 = IPV4.matcher(candidate);
        if (v4.matches()) {
            int[] octets = new int[4];
            for (int i = 0; i < 4; i++) {
                octets[i] = Integer.parseInt(v4.group(i + 1));
                if (octets[i] > 255) {
                    return null;
                }
            }
            return v4Prefix(octets[0], octets[1], octets[2]);
        }
        if (!IPV6.matcher(candidate).matches()) {
            return null; // never a name: InetAddress would resolve it
        }
        try {
            byte[] bytes = InetAddress.getByName(candidate).getAddress(); // a literal with ':', never resolved
            if (bytes.length == 4) { // an IPv4-mapped IPv6 address
                return v4Prefix(bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff);
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

    private static String v4Prefix(int a, int b, int c) {
        return a + "." + b + "." + c + ".0/24";
    }

    /** A two-letter country code from the trusted header, upper-cased; "XX" (unknown) and anything else is none. */
    static String country(String header) {
        if (header == null) {
            return null;
        }
        String code = header.trim().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{2}") && !code.equals("XX") ? code : null;
    }
}
