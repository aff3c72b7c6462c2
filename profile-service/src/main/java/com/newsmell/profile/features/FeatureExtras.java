package com.newsmell.profile.features;

import com.newsmell.profile.rollup.PerfumeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user's vector needs beyond the profile's inputs ({@link com.newsmell.profile.calculation.ProfileInputs}).
 *
 * @param lifetimePerfumes the user's perfume relations ({@code user_perfume} rows)
 * @param membershipDelaysMs per perfume in the wishlist or collection now: ms from the first interaction with it to
 *     the membership event that holds it (the earlier one when in both)
 * @param sessions the window's non-bot session summaries
 * @param signupAt the registration time, null when not known (accountAge then uses firstSeenAt)
 * @param firstSeenAt when profile-service first saw the user
 */
public record FeatureExtras(
        long lifetimePerfumes, long[] membershipDelaysMs, Sessions sessions, Instant signupAt, Instant firstSeenAt) {

    /** The window's non-bot session summaries: how many, their page views, how many bounced, how many on mobile. */
    public record Sessions(long count, long pageViews, long bounced, long mobile) {
        public static final Sessions NONE = new Sessions(0, 0, 0, 0);
    }

    /** The lifetime figures from a user's perfume relations (as the job reads them from {@code user_perfume}). */
    public static FeatureExtras of(
            List<PerfumeState> perfumes, Sessions sessions, Instant signupAt, Instant firstSeenAt) {
        List<Long> delays = new ArrayList<>();
        for (PerfumeState p : perfumes) {
            Instant held = null;
            if (p.inWishlist()) {
                held = p.wishlist().at();
            }
            if (p.inCollection() && (held == null || p.collection().at().isBefore(held))) {
                held = p.collection().at();
            }
            if (held != null && p.firstInteraction() != null) {
                delays.add(
                        Math.max(0, Duration.between(p.firstInteraction(), held).toMillis()));
            }
        }
        return new FeatureExtras(
                perfumes.size(), delays.stream().mapToLong(Long::longValue).toArray(), sessions, signupAt, firstSeenAt);
    }
}
