package com.newsmell.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.Map;

/**
 * Gives a Quarkus test the run's real Kafka broker and PostgreSQL, with a database for the service and
 * topics unique to the run. Use as {@code @QuarkusTestResource(value = InfraTestResource.class, initArgs
 * = @ResourceArg(name = "database", value = "collector"))}.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("database", service);
    }

    @Override
    public Map<String, String> start() {
        // The read and admin APIs take a bearer token (issue 16, ADR 0063): REST Assured sends the run's admin token
        // (an admin is an analyst too) unless a test says otherwise (auth().none(), auth().oauth2(other)).
        RestAssured.authentication = RestAssured.oauth2(Tokens.shared().admin());
        Infra infra = Infra.shared();
        return config(infra, service);
    }

    /** The configuration that points a service at the run's infrastructure. */
    public static Map<String, String> config(Infra infra, String service) {
        return ServiceConfig.forService(infra, service);
    }

    @Override
    public void stop() {
        // The broker and the server belong to the whole run; Infra stops them when the JVM exits.
    }

    /** Base names of the run's topics (the run id is appended). */
    public static final class Topic {
        public static final String INTERACTIONS = ServiceConfig.INTERACTIONS;
        public static final String DEAD_LETTER = ServiceConfig.DEAD_LETTER;
        public static final String PERFUME_CATALOG = ServiceConfig.PERFUME_CATALOG;
        public static final String SESSION_SUMMARIES = ServiceConfig.SESSION_SUMMARIES;

        private Topic() {}
    }
}
