package com.newsmell.collector.ingest;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collector's enrichment rules, pure (no YAUAA: the user agent's verdict is given). */
class EnrichmentTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:05Z");
    private static final RequestContext REQUEST =
            new RequestContext("header-agent/1.0", "203.0.113.77", "fr", RECEIVED);
    private static final UserAgentInfo DESKTOP_CHROME =
            new UserAgentInfo("desktop", "Chrome", "Windows NT", false, null);
    private static final UserAgentInfo ROBOT =
            new UserAgentInfo(null, "Googlebot", null, true, "user-agent device class Robot (Googlebot)");

    /** A parsed, valid client event: what EventParser hands to the enrichment. */
    private static UserInteractionEvent.Builder parsed() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        return UserInteractionEvent.builder()
                .sessionId("s-1")
                .eventType(PERFUME_VIEW)
                .perfumeId("p-1")
                .timestamp(at)
                .clientTimestamp(at)
                .path("/perfumes/p-1");
    }

    @Nested
    class ClockSkew {

        // ADR 0003: "timestamp is the client's; with sentAt, the derived time is receivedAt − (sentAt − timestamp)
        // (the Segment/Snowplow correction), and both times are kept."
        @Test
        void withoutSentAtTheClientsTimestampIsKept() {
            Instant clientTime = Instant.parse("2026-02-27T08:00:00Z");
            assertThat(Enrichment.correctedTimestamp(clientTime, null, RECEIVED))
                    .isEqualTo(clientTime);
        }

        // ADR 0003: "the derived time is receivedAt − (sentAt − timestamp) (the Segment/Snowplow correction)":
        // the client's clock offset cancels out, whichever way it is off (receivedAt 2026-03-01T12:00:05Z).
        @ParameterizedTest(name = "timestamp {0}, sentAt {1} -> {2}")
        @CsvSource({
            "2026-03-01T10:00:00Z, 2026-03-01T10:00:03Z, 2026-03-01T12:00:02Z", // clock 2 h behind
            "2026-03-02T12:00:00Z, 2026-03-02T12:01:00Z, 2026-03-01T11:59:05Z", // clock a day ahead
            "2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z, 2026-03-01T12:00:05Z", // sent the moment it happened
            "2026-03-01T09:00:10Z, 2026-03-01T09:00:00Z, 2026-03-01T12:00:15Z", // sentAt (wrongly) before it
            "2026-03-01T12:00:00.001Z, 2026-03-01T12:00:00.002Z, 2026-03-01T12:00:04.999Z" // to the millisecond
        })
        void withSentAtTheClientsOffsetCancelsOut(Instant clientTime, Instant sentAt, Instant expected) {
            assertThat(Enrichment.correctedTimestamp(clientTime, sentAt, RECEIVED))
                    .isEqualTo(expected);
        }

        // Issue #21: "No stored time is later than the time the event was received": the stored timestamp is the
        // corrected one, clamped to receivedAt (2026-03-01T12:00:05Z); exactly receivedAt is kept.
        @ParameterizedTest(name = "corrected {0} -> stored {1}")
        @CsvSource({
            "2026-03-01T12:00:04.999Z, 2026-03-01T12:00:04.999Z", // 1 ms before: kept
            "2026-03-01T12:00:05Z, 2026-03-01T12:00:05Z", // exactly receivedAt: kept
            "2026-03-01T12:00:05.001Z, 2026-03-01T12:00:05Z", // 1 ms later: receivedAt
            "2026-03-02T11:00:00Z, 2026-03-01T12:00:05Z" // 23 h ahead (inside the accepted window): receivedAt
        })
        void theStoredTimestampIsNeverLaterThanReceivedAt(Instant corrected, Instant stored) {
            assertThat(Enrichment.notAfter(corrected, RECEIVED)).isEqualTo(stored);
        }

        // Issue #21: "No stored time is later than the time the event was received": a client clock 1 ms ahead
        // (no sentAt) is stored at receivedAt; its own time stays in clientTimestamp.
        @Test
        void aClientClockAheadWithoutSentAtIsStoredAtReceivedAt() {
            Instant ahead = RECEIVED.plusMillis(1);
            UserInteractionEvent enriched = Enrichment.apply(
                    parsed().timestamp(ahead).clientTimestamp(ahead).build(), REQUEST, UserAgentInfo.NONE);
            assertThat(enriched.timestamp()).isEqualTo(RECEIVED);
            assertThat(enriched.clientTimestamp()).isEqualTo(ahead);
            assertThat(enriched.receivedAt()).isEqualTo(RECEIVED);
        }

        // Issue #21: "No stored time is later than the time the event was received": a sentAt (wrongly) before the
        // event would put it 10 s after receivedAt; it is stored at receivedAt, sentAt and clientTimestamp as sent.
        @Test
        void aSentAtBeforeTheEventIsStoredAtReceivedAt() {
            Instant clientTime = Instant.parse("2026-03-01T09:00:10Z");
            Instant sentAt = Instant.parse("2026-03-01T09:00:00Z");
            UserInteractionEvent enriched = sentLater(clientTime, sentAt);
            assertThat(enriched.timestamp()).isEqualTo(RECEIVED);
            assertThat(enriched.clientTimestamp()).isEqualTo(clientTime);
            assertThat(enriched.sentAt()).isEqualTo(sentAt);
        }

        // ADR 0003: "The window (24 h ahead, 7 days late, configurable) applies to the derived time": the window is
        // checked against the corrected time before the clamp, so 2 days ahead is still refused.
        @Test
        void theWindowIsCheckedBeforeTheClamp() {
            Instant twoDaysAhead = RECEIVED.plus(Duration.ofDays(2));
            UserInteractionEvent event =
                    parsed().timestamp(twoDaysAhead).clientTimestamp(null).build();
            assertThat(Enrichment.correctedTimestamp(event, RECEIVED)).isEqualTo(twoDaysAhead);
        }

        // ADR 0003: "... and both times are kept": timestamp derived, clientTimestamp the client's, sentAt as sent.
        @Test
        void theEnrichedEventKeepsBothTimes() {
            Instant clientTime = Instant.parse("2026-03-01T10:00:00Z");
            Instant sentAt = Instant.parse("2026-03-01T10:00:03Z");
            UserInteractionEvent enriched = sentLater(clientTime, sentAt);
            assertThat(enriched.timestamp()).isEqualTo(Instant.parse("2026-03-01T12:00:02Z"));
            assertThat(enriched.clientTimestamp()).isEqualTo(clientTime);
            assertThat(enriched.sentAt()).isEqualTo(sentAt);
            assertThat(enriched.receivedAt()).isEqualTo(RECEIVED);
        }

        /** An event that happened at clientTime and was sent at sentAt, both on the client's clock, enriched. */
        private UserInteractionEvent sentLater(Instant clientTime, Instant sentAt) {
            return Enrichment.apply(
                    parsed().timestamp(clientTime)
                            .clientTimestamp(clientTime)
                            .sentAt(sentAt)
                            .build(),
                    REQUEST,
                    UserAgentInfo.NONE);
        }
    }

    @Nested
    class Envelope {

        // Seed, UserInteractionEvent: "id String @id @default(cuid())"; ADR 0003: "eventId is the client's UUID
        // when given (so a retry is de-duplicated downstream), otherwise a server-assigned UUID."
        @Test
        void theClientsEventIdIsKept() {
            String eventId = UUID.randomUUID().toString();
            assertThat(Enrichment.apply(parsed().eventId(eventId).build(), REQUEST, UserAgentInfo.NONE)
                            .eventId())
                    .isEqualTo(eventId);
        }

        // Seed, UserInteractionEvent: "id String @id @default(cuid())": assigned when absent (here a UUID, ADR 0003).
        @Test
        void anAbsentEventIdIsAssignedAFreshUuid() {
            String first = Enrichment.apply(parsed().build(), REQUEST, UserAgentInfo.NONE)
                    .eventId();
            String second = Enrichment.apply(parsed().build(), REQUEST, UserAgentInfo.NONE)
                    .eventId();
            assertThat(UUID.fromString(first).toString()).isEqualTo(first);
            assertThat(second).isNotEqualTo(first);
        }

        // Seed, UserInteractionEvent: "eventType InteractionEventType / eventCategory InteractionCategory";
        // the category is the type's (PAGE_VIEW is a View Event), whatever the client sent.
        @Test
        void theCategoryIsDerivedFromTheType() {
            UserInteractionEvent event = parsed().eventType(PAGE_VIEW)
                    .eventCategory(InteractionCategory.SEARCH)
                    .build();
            assertThat(Enrichment.apply(event, REQUEST, UserAgentInfo.NONE).eventCategory())
                    .isEqualTo(InteractionCategory.VIEW);
        }

        // UserInteractionEvent.CURRENT_SCHEMA_VERSION: "The envelope schema version written by this library."
        @Test
        void theSchemaVersionIsTheCurrentOne() {
            UserInteractionEvent event = parsed().schemaVersion(0).build();
            assertThat(Enrichment.apply(event, REQUEST, UserAgentInfo.NONE).schemaVersion())
                    .isEqualTo(UserInteractionEvent.CURRENT_SCHEMA_VERSION);
        }

        // Seed, UserInteractionEvent: "perfumeId String?", "path String", "eventData Json": the client's, untouched.
        @Test
        void theClientsFieldsAreUntouched() {
            UserInteractionEvent event = parsed().referrer("https://example.org/")
                    .duration(1200)
                    .value(4.5)
                    .build();
            event.eventData().put("title", "Perfumes");
            UserInteractionEvent enriched = Enrichment.apply(event, REQUEST, DESKTOP_CHROME);
            assertThat(enriched.perfumeId()).isEqualTo("p-1");
            assertThat(enriched.path()).isEqualTo("/perfumes/p-1");
            assertThat(enriched.referrer()).isEqualTo("https://example.org/");
            assertThat(enriched.duration()).isEqualTo(1200);
            assertThat(enriched.value()).isEqualTo(4.5);
            assertThat(enriched.eventData()).isEqualTo(event.eventData());
        }
    }

    @Nested
    class UserAgent {

        // Seed, UserInteractionEvent: "userAgent String?"; ADR 0003: "the user agent comes from the body, else
        // from the header."
        @Test
        void theBodysUserAgentWinsOverTheHeader() {
            UserInteractionEvent event = parsed().userAgent("body-agent/2.0").build();
            assertThat(Enrichment.userAgent(event, REQUEST)).isEqualTo("body-agent/2.0");
            assertThat(Enrichment.apply(event, REQUEST, UserAgentInfo.NONE).userAgent())
                    .isEqualTo("body-agent/2.0");
        }

        // ADR 0003: "the user agent comes from the body, else from the header."
        @Test
        void withoutOneInTheBodyTheHeadersIsTaken() {
            assertThat(Enrichment.apply(parsed().build(), REQUEST, UserAgentInfo.NONE)
                            .userAgent())
                    .isEqualTo("header-agent/1.0");
        }

        // Seed, UserInteractionEvent: "userAgent String?": neither gives none.
        @Test
        void withNeitherThereIsNone() {
            RequestContext noHeader = new RequestContext(null, null, null, RECEIVED);
            assertThat(Enrichment.apply(parsed().build(), noHeader, UserAgentInfo.NONE)
                            .userAgent())
                    .isNull();
        }

        // Seed, UserSession: "deviceType String / browser String / os String"; PageViewEvent:
        // "deviceType: "mobile" | "tablet" | "desktop"": the user agent's classification is kept.
        @Test
        void theUserAgentsDeviceBrowserAndOsAreKept() {
            UserInteractionEvent enriched =
                    Enrichment.apply(parsed().deviceType("mobile").build(), REQUEST, DESKTOP_CHROME);
            assertThat(enriched.deviceType()).isEqualTo("desktop");
            assertThat(enriched.browser()).isEqualTo("Chrome");
            assertThat(enriched.os()).isEqualTo("Windows NT");
        }

        // Seed, PageViewEvent: "deviceType: "mobile" | "tablet" | "desktop"": when the user agent doesn't tell,
        // the client's own deviceType stands.
        @Test
        void theClientsDeviceTypeStandsWhenTheUserAgentDoesNotTell() {
            UserInteractionEvent enriched =
                    Enrichment.apply(parsed().deviceType("tablet").build(), REQUEST, UserAgentInfo.NONE);
            assertThat(enriched.deviceType()).isEqualTo("tablet");
            assertThat(enriched.browser()).isNull();
            assertThat(enriched.os()).isNull();
        }

        // ADR 0003: "isBot with a botReason": the user agent's verdict, with its reason.
        @Test
        void aBotUserAgentMakesABotWithItsReason() {
            UserInteractionEvent enriched = Enrichment.apply(parsed().build(), REQUEST, ROBOT);
            assertThat(enriched.isBot()).isTrue();
            assertThat(enriched.botReason()).isEqualTo("user-agent device class Robot (Googlebot)");
        }

        // ADR 0003: "isBot with a botReason": the user agent's reason wins over the client's declaration.
        @Test
        void aBotUserAgentKeepsItsReasonWhenTheClientAlsoDeclaresIt() {
            UserInteractionEvent enriched =
                    Enrichment.apply(parsed().isBot(true).build(), REQUEST, ROBOT);
            assertThat(enriched.isBot()).isTrue();
            assertThat(enriched.botReason()).isEqualTo("user-agent device class Robot (Googlebot)");
        }

        // ADR 0003: "isBot with a botReason": a client may declare itself a bot.
        @Test
        void aClientThatDeclaresItselfABotIsOne() {
            UserInteractionEvent enriched =
                    Enrichment.apply(parsed().isBot(true).build(), REQUEST, DESKTOP_CHROME);
            assertThat(enriched.isBot()).isTrue();
            assertThat(enriched.botReason()).isEqualTo(Enrichment.DECLARED_BY_CLIENT);
        }

        // ADR 0003: "isBot with a botReason": neither says so: no bot, no reason.
        @Test
        void otherwiseNotABot() {
            UserInteractionEvent enriched = Enrichment.apply(parsed().build(), REQUEST, DESKTOP_CHROME);
            assertThat(enriched.isBot()).isFalse();
            assertThat(enriched.botReason()).isNull();
        }
    }

    @Nested
    class ClientAddressAndCountry {

        // ADR 0003: "The client address is truncated (IPv4 /24, IPv6 /48) and never stored whole".
        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {
                    "203.0.113.77, 203.0.113.0/24",
                    "10.1.2.3, 10.1.2.0/24",
                    "' 10.1.2.3 ', 10.1.2.0/24",
                    "0.0.0.0, 0.0.0.0/24",
                    "255.255.255.255, 255.255.255.0/24",
                    "256.1.2.3, null",
                    "1.2.3, null",
                    "1.2.3.4.5, null",
                    "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3::/48",
                    "2001:DB8:ABCD:12::1, 2001:db8:abcd::/48",
                    "[2001:db8:1::1], 2001:db8:1::/48",
                    "::1, 0:0:0::/48",
                    "::ffff:192.0.2.1, 192.0.2.0/24",
                    "2001:db8::zz, null",
                    "fe80::1%eth0, null",
                    "cafe, null",
                    "beef.cafe, null",
                    "not-an-address, null",
                    "'', null",
                    "null, null"
                })
        void truncatesAddressesAndNeverResolvesNames(String address, String expected) {
            assertThat(Enrichment.ipPrefix(address)).isEqualTo(expected);
        }

        // ADR 0003: "The client address is truncated (IPv4 /24, IPv6 /48) and never stored whole".
        @Test
        void theEnrichedEventHasOnlyThePrefix() {
            UserInteractionEvent enriched = Enrichment.apply(parsed().build(), REQUEST, UserAgentInfo.NONE);
            assertThat(enriched.ipPrefix()).isEqualTo("203.0.113.0/24");
            assertThat(enriched.toString()).doesNotContain("203.0.113.77");
        }

        // Seed, UserSession: "location String?"; ADR 0003: "the country comes from a configurable trusted header
        // (CF-IPCountry by default)": a two-letter code, upper case; XX (unknown) and anything else is none.
        @ParameterizedTest
        @CsvSource(
                nullValues = "null",
                value = {
                    "fr, FR",
                    "' DE ', DE",
                    "XX, null",
                    "xx, null",
                    "T1, null",
                    "France, null",
                    "F, null",
                    "'', null",
                    "null, null"
                })
        void keepsOnlyCountryCodes(String header, String expected) {
            assertThat(Enrichment.country(header)).isEqualTo(expected);
        }

        // Seed, UserSession: "location String?": the trusted header's country.
        @Test
        void theEnrichedEventHasTheCountry() {
            assertThat(Enrichment.apply(parsed().build(), REQUEST, UserAgentInfo.NONE)
                            .location())
                    .isEqualTo("FR");
        }
    }
}
