package com.newsmell.collector.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A replay's request body (ADR 0045), {@code {"service", "from", "to", "target"}}: a service that reads a replay topic,
 * the window [from, to) of event times, ISO-8601 instants, from before to, to not in the future, at most
 * {@code maxRange} long, and optionally the deployment of that service to replay to ({@code target}: the service's
 * name, the default, or the name followed by {@code -} and lower-case letters, digits and dashes, such as
 * {@code perfume-stats-service-rebuild}: a second deployment rebuilding into an empty database beside the live one,
 * which reads the replay topic of that name). Anything else is a 400 problem naming each field and its rule.
 */
public record ReplayRequest(String service, String target, Instant from, Instant to) {

    private static final Pattern TARGET_SUFFIX = Pattern.compile("(-[a-z0-9]+)+");
    private static final int TARGET_MAX = 100;

    public static ReplayRequest of(JsonNode body, List<String> services, Duration maxRange, Instant now) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.invalid(
                    "The body must be a JSON object {service, from, to}.",
                    List.of(new Violation("", "type", "the body must be a JSON object"))));
        }
        List<Violation> violations = new ArrayList<>();
        String service = text(body, "service");
        if (service == null) {
            violations.add(new Violation("/service", "required", "service is required: one of " + services));
        } else if (!services.contains(service)) {
            violations.add(
                    new Violation("/service", "enum", "service must be one of " + services + ", not " + service));
        }
        String target = text(body, "target");
        if (target == null) {
            target = service;
        } else if (service != null
                && (target.length() > TARGET_MAX
                        || !(target.equals(service)
                                || (target.startsWith(service)
                                        && TARGET_SUFFIX
                                                .matcher(target.substring(service.length()))
                                                .matches())))) {
            violations.add(new Violation(
                    "/target",
                    "pattern",
                    "target must be the service's name, or it followed by '-' and lower-case letters, digits and"
                            + " dashes (at most " + TARGET_MAX + " characters), such as " + service + "-rebuild"));
        }
        Instant from = instant(body, "from", violations);
        Instant to = instant(body, "to", violations);
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                violations.add(new Violation("/to", "after-from", "to must be after from"));
            } else if (Duration.between(from, to).compareTo(maxRange) > 0) {
                violations.add(new Violation(
                        "/to", "max-range", "the range may cover at most " + maxRange.toDays() + " days"));
            }
        }
        if (to != null && to.isAfter(now)) {
            violations.add(new Violation("/to", "not-future", "to must not be in the future (now is " + now + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The replay request is invalid.", violations));
        }
        return new ReplayRequest(service, target, from, to);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null
                        || value.isNull()
                        || !value.isTextual()
                        || value.asText().isBlank()
                ? null
                : value.asText();
    }

    private static Instant instant(JsonNode body, String field, List<Violation> violations) {
        String value = text(body, field);
        if (value == null) {
            violations.add(new Violation("/" + field, "required", field + " is required: an ISO-8601 instant"));
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(
                    "/" + field, "format", field + " must be an ISO-8601 instant such as 2026-08-01T00:00:00Z"));
            return null;
        }
    }
}
