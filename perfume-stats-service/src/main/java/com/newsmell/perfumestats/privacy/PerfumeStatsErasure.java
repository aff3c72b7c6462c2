package com.newsmell.perfumestats.privacy;

import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * perfume-stats-service's erasure (ADR 0032): the user's list memberships (wishlist, collection) and ratings. The
 * perfumes' counts, averages, buckets and unique-viewer sketches stay as anonymous totals: a sketch holds register
 * maxima of hashes, from which no user id can be read back.
 */
@ApplicationScoped
public class PerfumeStatsErasure implements UserDataEraser {

    @Override
    public List<ErasureStep> steps() {
        return List.of(
                new ErasureStep("memberships", "delete from membership where user_key = :userId"),
                new ErasureStep("ratings", "delete from perfume_rating where user_key = :userId"));
    }
}
