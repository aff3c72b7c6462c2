package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The instant fast path answers exactly what Instant.parse answers, or leaves the text to it; pure. */
class CanonicalInstantTest {

    private static Instant javaTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void theCanonicalFormsGiveWhatInstantParseGives() {
        for (String text : List.of(
                "2026-12-06T10:00:00Z",
                "2026-12-06T10:00:00.1Z",
                "2026-12-06T10:00:00.123Z",
                "2026-12-06T23:59:59.999999999Z",
                "2024-02-29T00:00:00Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.000000001Z")) {
            assertThat(CanonicalInstant.parse(text))
                    .as(text)
                    .isEqualTo(javaTime(text))
                    .isNotNull();
        }
    }

    @Test
    void everythingElseIsLeftToInstantParse() {
        for (String text : List.of(
                "2026-12-06T10:00:00+01:00",
                "2026-12-06t10:00:00z",
                "2026-12-06T10:00Z",
                "2026-12-06T10:00:00.Z",
                "2026-12-06T10:00:00.1234567890Z",
                "2026-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-12-32T10:00:00Z",
                "2026-12-06T24:00:00Z",
                "2026-12-06T10:60:00Z",
                "2026-12-06T23:59:60Z",
                "+2026-12-06T10:00:00Z",
                "2026-12-06 10:00:00Z",
                "2026-1a-06T10:00:00Z",
                "not an instant at all")) {
            assertThat(CanonicalInstant.parse(text)).as(text).isNull();
        }
    }

    // Random texts near the canonical form: whenever the fast path answers, Instant.parse answers the same.
    @Test
    void randomTextsNeverDisagreeWithInstantParse() {
        SplittableRandom random = new SplittableRandom(17);
        String alphabet = "0123456789-T:.Z+z ";
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] text = String.format(
                            "%04d-%02d-%02dT%02d:%02d:%02d.%09dZ",
                            random.nextInt(10_000),
                            random.nextInt(14),
                            random.nextInt(33),
                            random.nextInt(26),
                            random.nextInt(62),
                            random.nextInt(62),
                            random.nextInt(1_000_000_000))
                    .toCharArray();
            if (random.nextInt(4) == 0) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = new String(text, 0, random.nextInt(4) == 0 ? 20 + random.nextInt(11) : text.length);
            if (!candidate.endsWith("Z")) {
                candidate = candidate + "Z";
            }
            Instant fast = CanonicalInstant.parse(candidate);
            if (fast != null) {
                answered++;
                assertThat(fast).as(candidate).isEqualTo(javaTime(candidate));
            }
        }
        assertThat(answered).isGreaterThan(10_000);
    }

    @Test
    void formatGivesWhatInstantToStringGives() {
        for (String text : List.of(
                "2026-12-06T10:00:00Z",
                "2026-12-06T10:00:00.100Z",
                "2026-12-06T10:00:00.123456Z",
                "2026-12-06T10:00:00.123456789Z",
                "2026-12-06T10:00:00.000000001Z",
                "1969-12-31T23:59:59.500Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(text);
            assertThat(CanonicalInstant.format(instant)).as(text).isEqualTo(instant.toString());
        }
    }

    // Random instants over the whole range Instant.toString prints with four-digit years and beyond it.
    @Test
    void formatNeverDisagreesWithInstantToString() {
        SplittableRandom random = new SplittableRandom(23);
        long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), nanos);
            assertThat(CanonicalInstant.format(instant)).isEqualTo(instant.toString());
        }
    }
}
