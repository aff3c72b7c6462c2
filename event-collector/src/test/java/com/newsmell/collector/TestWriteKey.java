package com.newsmell.collector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.collector.writekey.WriteKeyService;
import com.newsmell.collector.writekey.WriteKeyView;
import com.newsmell.infra.Credentials;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The collector's tests send their requests with a write key of their own (issue 16): created when the test
 * application starts, through the admin service as an operator would.
 *
 * <p>Two kinds of credentials, one default: REST Assured's default authentication is the run's admin bearer token
 * (local-infra InfraTestResource), which the read and admin APIs take (ADR 0063); a {@link Filter} registered here
 * replaces it with this key as the Basic-auth user name (empty password) on the endpoints that take a write key
 * (local-infra Credentials.takesWriteKey: ingest, Segment spec, catalog, rudder-sdk-js's source configuration; the rule the end-to-end tests use too). Only a request that carries the default is
 * changed: one that says {@code auth().none()}, {@code auth().oauth2(token)} or {@code auth().preemptive().basic(key,
 * "")} is sent as it says.
 */
@ApplicationScoped
public class TestWriteKey {

    private static final Filter WRITE_KEY_ENDPOINTS = TestWriteKey::withKeyWhereTaken;

    private static volatile String key;
    private static volatile String id;

    void create(@Observes StartupEvent event, WriteKeyService keys) throws Throwable {
        WriteKeyView created = VertxContextSupport.subscribeAndAwait(() -> keys.create(JsonNodeFactory.instance
                .objectNode()
                .put("source", "server")
                .put("ratePerSecond", 100_000)
                .put("burst", 100_000)));
        key = created.key();
        id = created.id();
        if (!RestAssured.filters().contains(WRITE_KEY_ENDPOINTS)) {
            RestAssured.filters(WRITE_KEY_ENDPOINTS);
        }
    }

    /** Its id (the namespace of the eventIds derived from Segment's messageIds, ADR 0060). */
    public static String id() {
        return id;
    }

    /** The key the test application's requests carry. */
    public static String key() {
        return key;
    }

    private static Response withKeyWhereTaken(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext next) {
        String path = request.getDerivedPath().replaceFirst("[?#].*", "");
        if (request.getAuthenticationScheme() == RestAssured.authentication
                && Credentials.takesWriteKey(request.getMethod(), path)) {
            request.auth().preemptive().basic(key, "");
        }
        return next.next(request, response);
    }
}
