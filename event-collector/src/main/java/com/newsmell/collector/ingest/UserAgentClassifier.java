package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import nl.basjes.parse.useragent.AbstractUserAgentAnalyzer;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Parses user agents with YAUAA, once, at the collector, so that every consumer agrees; {@link UserAgentInfo}
 * reads the result. Built at startup: loading the rules takes seconds and must never happen on an event-loop
 * thread. Built before the messaging channels start ({@code LIBRARY_BEFORE} is their start-up observer's priority):
 * otherwise the raw-store consumer drains its backlog while the rules load, and both compete for the CPU (a JFR
 * recording of a restarted collector showed half its samples in the rules' loading while it drained; ADR 0071). Not
 * built on a replica that does not ingest (the raw store's, ADR 0074): the rules are most of the collector's live heap,
 * and {@link IngestGate} refuses every ingest request there before anything would classify.
 */
@Startup(Interceptor.Priority.LIBRARY_BEFORE - 1)
@ApplicationScoped
public class UserAgentClassifier {

    private final AbstractUserAgentAnalyzer analyzer;

    @Inject
    public UserAgentClassifier(CollectorConfig config) {
        this(config.ingest());
    }

    /** With the rules loaded, or (on a replica that does not ingest) without them. */
    UserAgentClassifier(boolean ingests) {
        this.analyzer = ingests
                ? UserAgentAnalyzer.newBuilder()
                        .withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_NAME, UserAgent.OPERATING_SYSTEM_NAME)
                        .withCache(20_000)
                        .dropTests()
                        .hideMatcherLoadStats()
                        .immediateInitialization()
                        .build()
                : null;
    }

    public UserAgentInfo classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UserAgentInfo.NONE;
        }
        if (analyzer == null) {
            throw new IllegalStateException("this replica does not ingest (newsmell.collector.ingest=false)");
        }
        UserAgent parsed = analyzer.parse(userAgent);
        return UserAgentInfo.of(
                parsed.getValue(UserAgent.DEVICE_CLASS),
                parsed.getValue(UserAgent.AGENT_NAME),
                parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
    }
}
