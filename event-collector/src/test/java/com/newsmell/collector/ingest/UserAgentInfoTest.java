package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule that reads YAUAA's fields, pure (the fields are given). */
class UserAgentInfoTest {

    // Seed, PageViewEvent: "deviceType: "mobile" | "tablet" | "desktop"": every YAUAA device class maps to one of
    // the three, or to none.
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "Phone, mobile",
                "Mobile, mobile",
                "Watch, mobile",
                "Handheld Game Console, mobile",
                "Tablet, tablet",
                "eReader, tablet",
                "Desktop, desktop",
                "Set-top box, desktop",
                "TV, desktop",
                "Game Console, desktop",
                "Car, null",
                "Virtual Reality, null",
                "Anonymized, null",
                "Robot, null",
                "Unknown, null",
                "phone, null"
            })
    void theDeviceClassGivesTheDeviceType(String deviceClass, String deviceType) {
        assertThat(UserAgentInfo.of(deviceClass, "Chrome", "Android").deviceType())
                .isEqualTo(deviceType);
    }

    // ADR 0003: "deviceType (mobile/tablet/desktop), browser, os, isBot with a botReason": robots, spies and
    // hackers are bots, with the device class and agent name as the reason.
    @ParameterizedTest
    @ValueSource(strings = {"Robot", "Robot Mobile", "Robot Imitator", "Spy", "Hacker", "ROBOT"})
    void robotSpyAndHackerClassesAreBots(String deviceClass) {
        UserAgentInfo info = UserAgentInfo.of(deviceClass, "Googlebot", "Unknown");
        assertThat(info.isBot()).isTrue();
        assertThat(info.botReason()).isEqualTo("user-agent device class " + deviceClass + " (Googlebot)");
    }

    // ADR 0003: "isBot with a botReason": any other class is no bot and has no reason.
    @ParameterizedTest
    @ValueSource(strings = {"Desktop", "Phone", "Anonymized", "Unknown", "Spyware", "Hackers"})
    void otherClassesAreNotBots(String deviceClass) {
        UserAgentInfo info = UserAgentInfo.of(deviceClass, "Firefox", "Linux");
        assertThat(info.isBot()).isFalse();
        assertThat(info.botReason()).isNull();
    }

    // Seed, UserSession: "browser String / os String": YAUAA's placeholders for an unknown name are no name.
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"Chrome, Chrome", "Unknown, null", "Unknown ??, null", "??, null", "null, null"})
    void unknownNamesAreDropped(String name, String kept) {
        UserAgentInfo info = UserAgentInfo.of("Desktop", name, name);
        assertThat(info.browser()).isEqualTo(kept);
        assertThat(info.os()).isEqualTo(kept);
    }

    // Seed, PageViewEvent: "deviceType: "mobile" | "tablet" | "desktop"": no device class, nothing known.
    @ParameterizedTest
    @NullSource
    void noDeviceClassIsUnknown(String deviceClass) {
        UserAgentInfo info = UserAgentInfo.of(deviceClass, null, null);
        assertThat(info).isEqualTo(UserAgentInfo.NONE);
    }

    // ADR 0003: "isBot with a botReason": without a user agent nothing is known and nothing is a bot.
    @Test
    void noneKnowsNothing() {
        assertThat(UserAgentInfo.NONE).isEqualTo(new UserAgentInfo(null, null, null, false, null));
    }
}
