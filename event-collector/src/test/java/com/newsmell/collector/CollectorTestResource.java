package com.newsmell.collector;

import com.newsmell.infra.Infra;
import com.newsmell.infra.InfraTestResource;
import java.util.Map;

/** The collector's tests all run against the run's real Kafka broker and PostgreSQL database "collector". */
public class CollectorTestResource extends InfraTestResource {

    public static final String DATABASE = "collector";

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", DATABASE));
    }

    public static String interactionsTopic() {
        return Infra.shared().topic(InfraTestResource.Topic.INTERACTIONS);
    }

    public static String catalogTopic() {
        return Infra.shared().topic(InfraTestResource.Topic.PERFUME_CATALOG);
    }

    public static String privacyRequestsTopic() {
        return Infra.shared().topic(com.newsmell.infra.ServiceConfig.PRIVACY_REQUESTS);
    }

    public static String identityLinksTopic() {
        return Infra.shared().topic(com.newsmell.infra.ServiceConfig.IDENTITY_LINKS);
    }

    public static String deadLetterTopic() {
        return Infra.shared().topic(InfraTestResource.Topic.DEAD_LETTER);
    }
}
