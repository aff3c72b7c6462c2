package com.newsmell.toolkit.security;

import com.newsmell.toolkit.http.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The read and admin APIs' refusals as RFC 9457 problems (issue 16, ADR 0063): 401 with {@code WWW-Authenticate:
 * Bearer} without a valid token (missing, expired, badly signed, another issuer), 403 when the token's roles do not
 * include the endpoint's. Authentication is lazy ({@code quarkus.http.auth.proactive=false}), so that these mappers see
 * the failures.
 */
public class AccessProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(UriInfo uri) {
        return unauthorized(uri.getPath());
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(UriInfo uri) {
        return forbidden(uri.getPath());
    }

    /** 401 for {@code path}: no valid bearer token. */
    static Response unauthorized(String path) {
        return Response.fromResponse(Problem.of(
                                401,
                                "token-required",
                                "Bearer token required",
                                "This endpoint takes a valid bearer token (Authorization: Bearer <JWT>) of the"
                                        + " analyst or admin role.")
                        .toResponse(path))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** 403 for {@code path}: a valid token without the endpoint's role. */
    static Response forbidden(String path) {
        return Problem.of(403, "role-required", "Role required", "The token's roles do not allow this endpoint.")
                .toResponse(path);
    }
}
