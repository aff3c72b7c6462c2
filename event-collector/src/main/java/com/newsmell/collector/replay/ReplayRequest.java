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

/**
 * A replay's request body (ADR 0045), {@code {"service", "from", "to"}}: a service that reads a replay topic, and the
 * window [from, to) of event times, ISO-8601 instants, from before to, to not in the future, at most {@code maxRange}
 * long. Anything else is a 400 problem naming each field and its rule.
 */
public record ReplayRequest(String service, Instant from, Instant to) {

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
        return new ReplayRequest(service, from, to);
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
