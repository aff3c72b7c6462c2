package com.newsmell.e2e;

import com.newsmell.infra.Credentials;
import io.restassured.authentication.NoAuthScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.MalformedURLException;
import java.net.URL;

/**
 * REST Assured's default credentials in the end-to-end tests (issue 16, ADR 0063): a request that names none (no
 * authentication scheme, no Authorization header) gets the write key where the API takes one (ingest, the catalog),
 * else the bearer token. A request that names its own ({@code given().auth()…}, an Authorization header) keeps it.
 */
final class DefaultAuthorization implements Filter {

    private final String writeKey;
    private final String bearerToken;

    DefaultAuthorization(String writeKey, String bearerToken) {
        this.writeKey = writeKey;
        this.bearerToken = bearerToken;
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        if (request.getAuthenticationScheme() instanceof NoAuthScheme
                && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header(
                    "Authorization",
                    Credentials.authorization(request.getMethod(), path(request.getURI()), writeKey, bearerToken));
        }
        return context.next(request, response);
    }

    /** The path of a request's URI (java.net.URL: lenient with the unencoded query values tests send). */
    private static String path(String uri) {
        try {
            return new URL(uri).getPath();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(uri, e);
        }
    }
}
