package com.newsmell.collector.ingest;

import com.newsmell.contract.UserInteractionEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Server-side facts added once, at the collector: eventId, clock-skew correction, user-agent classification,
 * truncated client address and country. The rules are {@link Enrichment}'s; this bean adds YAUAA.
 */
@ApplicationScoped
public class Enricher {

    private final UserAgentClassifier userAgents;

    public Enricher(UserAgentClassifier userAgents) {
        this.userAgents = userAgents;
    }

    public UserInteractionEvent enrich(UserInteractionEvent event, RequestContext request) {
        UserAgentInfo agent = userAgents.classify(Enrichment.userAgent(event, request));
        return Enrichment.apply(event, request, agent);
    }
}
