package com.newsmell.toolkit.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.Violation;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem detail. Field errors go in the {@code errors} extension member, each naming the
 * JSON pointer (or query parameter) of the bad field and the rule it broke.
 */
public record Problem(int status, String type, String title, String detail, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://newsmell.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_BASE + slug, title, detail, List.of());
    }

    public static Problem invalid(String detail, List<Violation> errors) {
        return new Problem(400, TYPE_BASE + "invalid-request", "Invalid request", detail, List.copyOf(errors));
    }

    /** A body field that broke a rule; {@code pointer} is an RFC 6901 pointer ("" for the whole body). */
    public static Problem invalidParameter(String pointer, String rule, String message) {
        return invalid(message, List.of(new Violation(pointer, rule, message)));
    }

    /** A query parameter that broke a rule. */
    public static Problem invalidQuery(String parameter, String rule, String message) {
        return invalid(message, List.of(new Violation("?" + parameter, rule, message)));
    }

    public ObjectNode toJson(String instance) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("title", title);
        node.put("status", status);
        if (detail != null) {
            node.put("detail", detail);
        }
        if (instance != null) {
            node.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            ArrayNode list = node.putArray("errors");
            for (Violation v : errors) {
                ObjectNode error = list.addObject();
                if (v.pointer().startsWith("?")) {
                    error.put("parameter", v.pointer().substring(1)); // a query parameter
                } else {
                    error.put("pointer", v.pointer()); // an RFC 6901 pointer into the body
                }
                error.put("rule", v.rule()).put("detail", v.message());
            }
        }
        return node;
    }

    public Response toResponse(String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(toJson(instance).toString())
                .build();
    }

    public Problem withErrors(List<Violation> more) {
        List<Violation> all = new ArrayList<>(errors);
        all.addAll(more);
        return new Problem(status, type, title, detail, List.copyOf(all));
    }
}
