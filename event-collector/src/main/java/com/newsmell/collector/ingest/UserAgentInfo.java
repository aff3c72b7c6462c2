package com.newsmell.collector.ingest;

import java.util.Locale;

/**
 * What the user agent says about the client, and the rule that reads it from YAUAA's fields: the device class
 * gives deviceType (mobile | tablet | desktop) and whether it is a bot; unknown browser or os names are dropped.
 */
public record UserAgentInfo(String deviceType, String browser, String os, boolean isBot, String botReason) {

    /** No user agent: nothing known, not a bot. */
    public static final UserAgentInfo NONE = new UserAgentInfo(null, null, null, false, null);

    /** From YAUAA's DeviceClass, AgentName and OperatingSystemName. */
    public static UserAgentInfo of(String deviceClass, String agentName, String osName) {
        String deviceClassOrUnknown = deviceClass == null ? "Unknown" : deviceClass;
        String browser = known(agentName);
        String deviceType = switch (deviceClassOrUnknown) {
            case "Phone", "Mobile", "Watch", "Handheld Game Console" -> "mobile";
            case "Tablet", "eReader" -> "tablet";
            case "Desktop", "Set-top box", "TV", "Game Console" -> "desktop";
            default -> null;
        };
        String lower = deviceClassOrUnknown.toLowerCase(Locale.ROOT);
        boolean bot = lower.contains("robot") || lower.equals("spy") || lower.equals("hacker");
        String reason = bot ? "user-agent device class " + deviceClassOrUnknown + " (" + browser + ")" : null;
        return new UserAgentInfo(deviceType, browser, known(osName), bot, reason);
    }

    /** YAUAA's placeholders ("Unknown", "Unknown ??", "??") are no name. */
    private static String known(String value) {
        return value == null || value.startsWith("Unknown") || value.startsWith("??") ? null : value;
    }
}
