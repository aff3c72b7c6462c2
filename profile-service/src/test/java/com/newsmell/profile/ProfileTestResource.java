package com.newsmell.profile;

import com.newsmell.infra.InfraTestResource;
import java.util.Map;

/** profile-service's tests run against the run's real Kafka broker and PostgreSQL database "profile". */
public class ProfileTestResource extends InfraTestResource {

    public static final String DATABASE = "profile";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE));
    }
}
