package com.newsmell.session.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a session adds to the real-time hourly session metrics ({@link SessionContribution}) and how a re-fold's
 * changes are tallied ({@link RollupChanges}); seed, "Aggregation Schedules": {@code sessionMetrics: "immediate"}.
 */
class RollupChangesTest {

    private static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

    /** The UserSession fields the metrics count; an open desktop session of one page by default. */
    record Figures(
            Instant startTime,
            String deviceType,
            boolean isBot,
            boolean closed,
            Integer duration,
            Long durationMs,
            boolean bounced,
            int pageViews,
            boolean addedToWishlist,
            boolean addedToCollection,
            boolean completedRating,
            boolean completedReview)
            implements SessionFigures {

        static Figures open(Instant start) {
            return new Figures(start, "desktop", false, false, null, null, false, 1, false, false, false, false);
        }

        Figures closedAfter(int seconds, boolean bounce) {
            return new Figures(
                    startTime,
                    deviceType,
                    isBot,
                    true,
                    seconds,
                    seconds * 1000L + 250,
                    bounce,
                    pageViews,
                    addedToWishlist,
                    addedToCollection,
                    completedRating,
                    completedReview);
        }
    }

    @Test
    @DisplayName("UserSession fields → one row per (hour of startTime, deviceType, isBot): sessions, closed, duration"
            + " (seconds and ms), bounces, page views, and one per conversion flag (addedToWishlist … completedReview)")
    void aClosedSessionCountsEveryColumn() {
        Figures s = new Figures(
                HOUR.plusSeconds(59 * 60 + 59),
                "mobile",
                true,
                true,
                125,
                125_750L,
                false,
                4,
                true,
                false,
                true,
                false);

        SessionContribution c = SessionContribution.of(s);

        assertThat(c.key()).isEqualTo(new SessionContribution.Key(HOUR, "mobile", true));
        assertThat(c.values()).containsExactly(1, 1, 125, 125_750, 0, 4, 1, 0, 1, 0);
        assertThat(SessionContribution.COLUMNS).hasSize(c.values().length);
    }

    @Test
    @DisplayName("UserSession.duration Int? / bounced — an open session counts, with no duration and no bounce yet")
    void anOpenSessionCountsWithoutDurationOrBounce() {
        assertThat(SessionContribution.of(Figures.open(HOUR)).values()).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("UserSession.deviceType — a session without a device type counts under ''")
    void noDeviceTypeCountsUnderEmpty() {
        Figures s = new Figures(HOUR, null, false, false, null, null, false, 1, false, false, false, false);

        assertThat(SessionContribution.of(s).key().deviceType()).isEmpty();
    }

    @Test
    @DisplayName("UserSession.startTime — 10:59:59.999 counts in the 10:00 bucket, 11:00:00.000 in the 11:00 one")
    void theBucketIsTheHourOfTheStart() {
        RollupChanges changes = new RollupChanges();
        changes.add(Figures.open(HOUR.plusSeconds(3600).minusMillis(1)));
        changes.add(Figures.open(HOUR.plusSeconds(3600)));

        assertThat(changes.sessionDeltas())
                .extracting(d -> d.key().bucket())
                .containsExactly(HOUR, HOUR.plusSeconds(3600));
        assertThat(changes.dirtyHours())
                .as("a session marks no hour: its unique users are counted when the metrics are read")
                .isEmpty();
    }

    @Test
    @DisplayName("sessionMetrics: \"immediate\" — closing a session moves its old contribution out and its new one in")
    void aRefoldAddsOnlyTheDifference() {
        Figures open = Figures.open(HOUR);
        RollupChanges changes = new RollupChanges();

        changes.remove(open);
        changes.add(open.closedAfter(0, true));

        assertThat(changes.sessionDeltas())
                .singleElement()
                .satisfies(d -> assertThat(d.values()).containsExactly(0, 1, 0, 250, 1, 0, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("a re-fold that changes no figure writes no row and marks no hour")
    void anUnchangedRefoldWritesNoRow() {
        Figures s = Figures.open(HOUR.plusSeconds(61));
        RollupChanges changes = new RollupChanges();

        changes.remove(s);
        changes.add(s);

        assertThat(changes.sessionDeltas()).isEmpty();
        assertThat(changes.dirtyHours()).isEmpty();
    }

    @Test
    @DisplayName("a session whose start moved to another hour leaves the old bucket and joins the new one")
    void aMovedStartChangesBuckets() {
        RollupChanges changes = new RollupChanges();

        changes.remove(Figures.open(HOUR.plusSeconds(3600)));
        changes.add(Figures.open(HOUR.plusSeconds(3599)));

        assertThat(changes.sessionDeltas())
                .extracting(d -> d.key().bucket(), d -> d.values()[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HOUR, 1L),
                        org.assertj.core.groups.Tuple.tuple(HOUR.plusSeconds(3600), -1L));
    }

    @Test
    @DisplayName("the deltas come in (bucket, deviceType, isBot) order, the order their rows are locked in")
    void deltasAreInKeyOrder() {
        RollupChanges changes = new RollupChanges();
        changes.add(new Figures(HOUR, "tablet", true, false, null, null, false, 1, false, false, false, false));
        changes.add(new Figures(HOUR, "mobile", false, false, null, null, false, 1, false, false, false, false));
        changes.add(new Figures(HOUR, "tablet", false, false, null, null, false, 1, false, false, false, false));
        changes.add(new Figures(
                HOUR.minusSeconds(3600), "tablet", false, false, null, null, false, 1, false, false, false, false));

        assertThat(changes.sessionDeltas())
                .extracting(SessionContribution::key)
                .containsExactly(
                        new SessionContribution.Key(HOUR.minusSeconds(3600), "tablet", false),
                        new SessionContribution.Key(HOUR, "mobile", false),
                        new SessionContribution.Key(HOUR, "tablet", false),
                        new SessionContribution.Key(HOUR, "tablet", true));
    }

    @Test
    @DisplayName(
            "searchPopularity: \"every hour\" — touched instants (searches' times) mark their hour once, ascending")
    void touchedHoursAreTruncatedDeduplicatedAndSorted() {
        RollupChanges changes = new RollupChanges();
        changes.touch(HOUR.plusSeconds(7200 + 5));
        changes.touch(HOUR.plusSeconds(1));
        changes.touch(HOUR.plusSeconds(3599));

        assertThat(changes.dirtyHours()).containsExactly(HOUR, HOUR.plusSeconds(7200));
        assertThat(changes.sessionDeltas()).isEmpty();
    }
}
