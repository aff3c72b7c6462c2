package com.newsmell.toolkit.security;

import com.newsmell.toolkit.http.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

/**
 * The GraphQL subgraph (/graphql, which the gateway calls with the caller's token) needs the analyst role (ADR 0063):
 * checked before the GraphQL route, refused with the same RFC 9457 problems as the REST endpoints ({@link
 * AccessProblems}).
 */
@ApplicationScoped
public class PathAccessProblems {

    /** After the security handlers' filters (authentication 200, authorization 100), before any route. */
    private static final int PRIORITY = 50;

    void register(@Observes Filters filters) {
        filters.register(this::guard, PRIORITY);
    }

    private void guard(RoutingContext context) {
        String path = context.normalizedPath();
        if (!(path.equals("/graphql") || path.startsWith("/graphql/"))
                || "OPTIONS".equals(context.request().method().name())) {
            context.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null)
                .subscribe()
                .with(
                        identity -> decide(context, identity),
                        failure -> answer(context, AccessProblems.unauthorized(context.normalizedPath())));
    }

    private static void decide(RoutingContext context, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            answer(context, AccessProblems.unauthorized(context.normalizedPath()));
        } else if (!identity.hasRole(Roles.ANALYST)) {
            answer(context, AccessProblems.forbidden(context.normalizedPath()));
        } else {
            context.next();
        }
    }

    private static void answer(RoutingContext context, Response answer) {
        answer.getHeaders()
                .forEach((name, values) ->
                        values.forEach(value -> context.response().putHeader(name, String.valueOf(value))));
        context.response()
                .setStatusCode(answer.getStatus())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(String.valueOf(answer.getEntity()));
    }
}
