package com.newsmell.toolkit.http;

import com.newsmell.contract.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * What no endpoint should have to check for itself (ADR 0013): a URI longer than {@link #MAX_URI_LENGTH} is 414, and
 * a path or query parameter holding a NUL character (which PostgreSQL refuses in text) or a lone UTF-16 surrogate
 * (which cannot be stored losslessly) is 400, each as problem+json naming the parameter and the rule (the contract's
 * {@link StorableText}, the same rule as for event fields).
 */
public final class RequestGuards {

    /** The longest request URI answered; Vert.x lets 64 KiB through so that this limit answers with a problem. */
    public static final int MAX_URI_LENGTH = 8192;

    private RequestGuards() {}

    @Provider
    @PreMatching
    public static class UriLength implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            int length = request.getUriInfo().getRequestUri().toString().length();
            if (length > MAX_URI_LENGTH) {
                request.abortWith(Problem.of(
                                414,
                                "uri-too-long",
                                "URI too long",
                                "The request URI has " + length + " characters; at most " + MAX_URI_LENGTH
                                        + " are answered.")
                        .toResponse(null));
            }
        }
    }

    @Provider
    public static class StorableParameters implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            check(request, request.getUriInfo().getPathParameters(), "path parameter");
            check(request, request.getUriInfo().getQueryParameters(), "query parameter");
        }

        private static void check(ContainerRequestContext request, MultivaluedMap<String, String> params, String kind) {
            for (Map.Entry<String, List<String>> param : params.entrySet()) {
                for (String value : param.getValue()) {
                    int at = StorableText.unstorableAt(value);
                    if (at >= 0) {
                        String rule = StorableText.rule(value, at);
                        request.abortWith(Problem.invalidQuery(
                                        param.getKey(),
                                        rule,
                                        "The " + kind + " " + param.getKey() + " holds "
                                                + ("no-nul".equals(rule)
                                                        ? "a NUL character"
                                                        : "a lone UTF-16 surrogate")
                                                + " at position " + at + ".")
                                .toResponse(request.getUriInfo().getPath()));
                        return;
                    }
                }
            }
        }
    }
}
