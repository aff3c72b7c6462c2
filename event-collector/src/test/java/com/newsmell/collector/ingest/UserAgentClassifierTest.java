package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real user agents through YAUAA, without Quarkus: the analyzer takes seconds to build, so once per class. */
class UserAgentClassifierTest {

    private static final String CHROME_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    private static final String SAFARI_IPAD =
            "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    private static final String CHROME_ANDROID_PHONE =
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static UserAgentClassifier classifier;

    @BeforeAll
    static void buildOnce() {
        classifier = new UserAgentClassifier(true);
    }

    @AfterAll
    static void release() {
        classifier = null;
    }

    // Seed, PageViewEvent: "deviceType: "mobile" | "tablet" | "desktop""; UserSession: "browser String / os String".
    static Stream<Arguments> browsers() {
        return Stream.of(
                Arguments.of(CHROME_WINDOWS, new UserAgentInfo("desktop", "Chrome", "Windows NT", false, null)),
                Arguments.of(SAFARI_IPHONE, new UserAgentInfo("mobile", "Safari", "iOS", false, null)),
                Arguments.of(CHROME_ANDROID_PHONE, new UserAgentInfo("mobile", "Chrome", "Android", false, null)));
    }

    @ParameterizedTest
    @MethodSource("browsers")
    void aBrowsersDeviceNameAndOs(String userAgent, UserAgentInfo expected) {
        assertThat(classifier.classify(userAgent)).isEqualTo(expected);
    }

    // Seed, PageViewEvent: "deviceType: "mobile" | "tablet" | "desktop"": a tablet is tablet.
    @Test
    void anIpad() {
        UserAgentInfo info = classifier.classify(SAFARI_IPAD);
        assertThat(info.deviceType()).isEqualTo("tablet");
        assertThat(info.isBot()).isFalse();
    }

    // ADR 0003: "isBot with a botReason".
    @Test
    void aCrawlerIsABotWithItsReason() {
        UserAgentInfo info = classifier.classify(GOOGLEBOT);
        assertThat(info.isBot()).isTrue();
        assertThat(info.deviceType()).isNull();
        assertThat(info.botReason()).startsWith("user-agent device class Robot").contains("Googlebot");
    }

    // Seed, UserInteractionEvent: "userAgent String?": no user agent, nothing known, not a bot.
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noUserAgent(String userAgent) {
        assertThat(classifier.classify(userAgent)).isEqualTo(UserAgentInfo.NONE);
    }

    // ADR 0074: the raw store's replica does not load the rules; nothing there classifies (its gate refuses ingest).
    @Test
    void aReplicaThatDoesNotIngestHasNoRules() {
        UserAgentClassifier rawStore = new UserAgentClassifier(false);
        assertThat(rawStore.classify(null)).isEqualTo(UserAgentInfo.NONE);
        assertThatThrownBy(() -> rawStore.classify(CHROME_WINDOWS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not ingest");
    }
}
