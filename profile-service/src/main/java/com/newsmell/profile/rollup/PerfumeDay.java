package com.newsmell.profile.rollup;

import java.time.LocalDate;

/**
 * One user's preference signals for one perfume on one UTC day (table {@code user_perfume_day}): the events a
 * preference weight counts (README "preferredNotes"), each with its day so that the job can decay it by age. Every
 * field adds up.
 */
public record PerfumeDay(
        String userId,
        String perfumeId,
        LocalDate day,
        long views,
        long notesExpanded,
        long reviews,
        long wishlistAdds,
        long collectionAdds) {

    PerfumeDay plus(PerfumeDay o) {
        return new PerfumeDay(
                userId,
                perfumeId,
                day,
                views + o.views,
                notesExpanded + o.notesExpanded,
                reviews + o.reviews,
                wishlistAdds + o.wishlistAdds,
                collectionAdds + o.collectionAdds);
    }
}
