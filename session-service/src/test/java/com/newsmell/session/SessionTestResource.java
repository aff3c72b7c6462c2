package com.newsmell.session;

import com.newsmell.infra.InfraTestResource;
import java.util.Map;

/** session-service's tests run against the run's real Kafka broker and PostgreSQL database "session". */
public class SessionTestResource extends InfraTestResource {

    public static final String DATABASE = "session";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE));
    }
}
