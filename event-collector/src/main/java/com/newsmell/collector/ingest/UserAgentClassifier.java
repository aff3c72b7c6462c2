package com.newsmell.collector.ingest;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import nl.basjes.parse.useragent.AbstractUserAgentAnalyzer;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Parses user agents with YAUAA, once, at the collector, so that every consumer agrees; {@link UserAgentInfo}
 * reads the result. Built at startup: loading the rules takes seconds and must never happen on an event-loop
 * thread. Built before the messaging channels start ({@code LIBRARY_BEFORE} is their start-up observer's priority):
 * otherwise the raw-store consumer drains its backlog while the rules load, and both compete for the CPU (a JFR
 * recording of a restarted collector showed half its samples in the rules' loading while it drained; ADR 0071).
 */
@Startup(Interceptor.Priority.LIBRARY_BEFORE - 1)
@ApplicationScoped
public class UserAgentClassifier {

    private final AbstractUserAgentAnalyzer analyzer = UserAgentAnalyzer.newBuilder()
            .withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_NAME, UserAgent.OPERATING_SYSTEM_NAME)
            .withCache(20_000)
            .dropTests()
            .hideMatcherLoadStats()
            .immediateInitialization()
            .build();

    public UserAgentInfo classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UserAgentInfo.NONE;
        }
        UserAgent parsed = analyzer.parse(userAgent);
        return UserAgentInfo.of(
                parsed.getValue(UserAgent.DEVICE_CLASS),
                parsed.getValue(UserAgent.AGENT_NAME),
                parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
    }
}
