package com.newsmell.profile.calculation;

import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything one user's profile is computed from, as read by the run.
 *
 * @param activity the user's day rows of the history, folded over the window
 * @param perfumeDays the user's preference signals in the window
 * @param perfumes the user's perfume relations (membership is current, the rating has its time)
 * @param sessions the user's non-bot sessions that started in the window
 * @param catalog what the catalog copy knows of the perfumes above (a perfume it does not know is absent)
 */
public record ProfileInputs(
        String userId,
        ActivityTotals activity,
        List<PerfumeDay> perfumeDays,
        List<PerfumeState> perfumes,
        Sessions sessions,
        Map<String, CatalogFacts> catalog) {

    /** The user's sessions in the window: how many, and their summed duration in seconds. */
    public record Sessions(long count, long durationSeconds) {
        public static final Sessions NONE = new Sessions(0, 0);
    }

    /**
     * What a preference needs to know of a perfume.
     *
     * @param noteIds its notes, each once (a note in two layers of a perfume counts once)
     */
    public record CatalogFacts(
            String perfumeId, String houseId, List<String> noteIds, String perfumeType, BigDecimal price) {
        public CatalogFacts {
            noteIds = List.copyOf(new LinkedHashSet<>(noteIds));
        }
    }
}
