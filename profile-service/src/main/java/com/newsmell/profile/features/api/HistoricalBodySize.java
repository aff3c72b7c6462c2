package com.newsmell.profile.features.api;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.toolkit.http.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a point-in-time join whose declared body is larger than allowed with a 413 problem, before reading it. */
public class HistoricalBodySize {

    private final int maxBytes;

    public HistoricalBodySize(ProfileConfig config) {
        this.maxBytes = config.features().historical().maxBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversize(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (!path.equals("/v1/features/historical") || length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) > maxBytes) {
                return Optional.of(tooLarge(maxBytes).toResponse(path));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Problem tooLarge(int maxBytes) {
        return Problem.of(
                413,
                "payload-too-large",
                "Payload too large",
                "The body is larger than " + maxBytes + " bytes; send the rows in several requests.");
    }
}
