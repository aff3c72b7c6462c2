package com.newsmell.collector.ingest;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import nl.basjes.parse.useragent.AbstractUserAgentAnalyzer;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Parses user agents with YAUAA, once, at the collector, so that every consumer agrees. Built at startup:
 * loading the rules takes seconds and must never happen on an event-loop thread.
 */
@Startup
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
            return new UserAgentInfo(null, null, null, false, null);
        }
        UserAgent parsed = analyzer.parse(userAgent);
        String deviceClass = parsed.getValue(UserAgent.DEVICE_CLASS);
        String browser = known(parsed.getValue(UserAgent.AGENT_NAME));
        String os = known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
        String deviceType = switch (deviceClass) {
            case "Phone", "Mobile", "Watch", "Handheld Game Console" -> "mobile";
            case "Tablet", "eReader" -> "tablet";
            case "Desktop", "Set-top box", "TV", "Game Console" -> "desktop";
            default -> null;
        };
        String lower = deviceClass.toLowerCase(Locale.ROOT);
        boolean bot = lower.contains("robot") || lower.equals("spy") || lower.equals("hacker");
        String reason = bot ? "user-agent device class " + deviceClass + " (" + browser + ")" : null;
        return new UserAgentInfo(deviceType, browser, os, bot, reason);
    }

    private static String known(String value) {
        return value == null || value.startsWith("Unknown") || value.startsWith("??") ? null : value;
    }

    /** What the user agent says about the client. */
    public record UserAgentInfo(String deviceType, String browser, String os, boolean isBot, String botReason) {}
}
