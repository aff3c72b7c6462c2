package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of IMAGE_VIEWED, IMAGE_ZOOMED, NOTES_EXPANDED, NOTES_COLLAPSED, SIMILAR_CLICKED and
 * HOUSE_LINK_CLICKED.
 *
 * @param imageIndex index of the image, {@code >= 0}
 * @param viewDuration milliseconds, {@code >= 0}
 * @param zoomed whether the image was zoomed
 * @param noteType one of {@link #NOTE_TYPES}
 * @param expandDuration milliseconds the notes stayed expanded, {@code >= 0}
 * @param targetPerfumeId the similar perfume clicked
 * @param position position of the clicked similar perfume, {@code >= 0}
 * @param similarityReason free text
 * @param pageScrollPosition scroll position in pixels, {@code >= 0}
 * @param timeOnPage milliseconds on the page, {@code >= 0}
 */
public record EngagementData(
        Integer imageIndex,
        Long viewDuration,
        Boolean zoomed,
        String noteType,
        Long expandDuration,
        String targetPerfumeId,
        Integer position,
        String similarityReason,
        Double pageScrollPosition,
        Long timeOnPage)
        implements EventData {

    public static final Set<String> NOTE_TYPES = Set.of("open", "heart", "base");
}
