package com.newsmell.collector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.collector.writekey.WriteKeyService;
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

    void create(@Observes StartupEvent event, WriteKeyService keys) throws Throwable {
        key = VertxContextSupport.subscribeAndAwait(() -> keys.create(JsonNodeFactory.instance
                        .objectNode()
                        .put("source", "server")
                        .put("ratePerSecond", 100_000)
                        .put("burst", 100_000)))
                .key();
        RestAssured.authentication = RestAssured.preemptive().basic(key, "");
    }

    /** The key the test application's requests carry. */
    public static String key() {
        return key;
    }
}
