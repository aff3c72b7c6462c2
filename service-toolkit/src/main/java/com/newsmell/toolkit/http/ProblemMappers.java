package com.newsmell.toolkit.http;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Every error of every service leaves as application/problem+json (RFC 9457). */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {}

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(ProblemException exception) {
            Response response = exception.problem().toResponse(path(uriInfo));
            exception.headers().forEach((name, value) -> response.getHeaders().add(name, value));
            return response;
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            Problem problem;
            if (exception instanceof NotFoundException) {
                problem = Problem.of(404, "not-found", "Not found", "No resource at this path.");
            } else if (exception instanceof NotSupportedException) {
                problem = Problem.of(
                        415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
            } else if (exception instanceof NotAllowedException) {
                problem = Problem.of(405, "method-not-allowed", "Method not allowed", exception.getMessage());
            } else if (exception instanceof NotAcceptableException) {
                problem = Problem.of(
                        406,
                        "not-acceptable",
                        "Not acceptable",
                        "This resource produces application/json (and, for lists and metrics, text/csv).");
            } else if (status >= 500) {
                LOG.error("server error", exception);
                problem =
                        Problem.of(status, "server-error", "Server error", "The server could not handle the request.");
            } else {
                problem = Problem.of(
                        status,
                        "http-" + status,
                        exception.getResponse().getStatusInfo().getReasonPhrase(),
                        exception.getMessage());
            }
            Response response = problem.toResponse(path(uriInfo));
            exception.getResponse().getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> response.getHeaders().add(name, v));
                }
            });
            return response;
        }
    }

    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
        @Context
        UriInfo uriInfo;

        @Override
        public Response toResponse(Exception exception) {
            LOG.error("unexpected error", exception);
            return Problem.of(500, "server-error", "Server error", "The server could not handle the request.")
                    .toResponse(path(uriInfo));
        }
    }

    private static String path(UriInfo uriInfo) {
        return uriInfo == null ? null : uriInfo.getPath();
    }
}
