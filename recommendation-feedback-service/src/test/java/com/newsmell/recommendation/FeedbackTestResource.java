package com.newsmell.recommendation;

import com.newsmell.infra.InfraTestResource;
import java.util.Map;

/**
 * recommendation-feedback-service's tests run against the run's real Kafka broker and PostgreSQL database
 * "recommendation_feedback".
 */
public class FeedbackTestResource extends InfraTestResource {

    public static final String DATABASE = "recommendation_feedback";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE));
    }
}
