package com.newsmell.collector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.collector.writekey.WriteKeyService;
import com.newsmell.collector.writekey.WriteKeyView;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The collector's tests send their requests with a write key of their own (issue 16): created when the test
 * application starts, through the admin service as an operator would, and given to every REST Assured request as the
 * Basic-auth user name; tests about keys themselves override it per request.
 */
@ApplicationScoped
public class TestWriteKey {

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
        RestAssured.authentication = RestAssured.preemptive().basic(key, "");
    }

    /** Its id (the namespace of the eventIds derived from Segment's messageIds, ADR 0060). */
    public static String id() {
        return id;
    }

    /** The key the test application's requests carry. */
    public static String key() {
        return key;
    }
}
