package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of IMAGE_VIEWED, IMAGE_ZOOMED, NOTES_EXPANDED, NOTES_COLLAPSED, SIMILAR_CLICKED and
 * HOUSE_LINK_CLICKED.
 *
 * <p>The seed's EngagementEvent puts {@code pageScrollPosition} and {@code timeOnPage} on the event, not in its
 * eventData: they are {@code UserInteractionEvent.pageScrollPosition()} / {@code timeOnPage()} (ADR 0014). The
 * seed's {@code number} fields are {@link Double}s.
 *
 * @param imageIndex index of the image, {@code >= 0}
 * @param viewDuration milliseconds, {@code >= 0}
 * @param zoomed whether the image was zoomed
 * @param noteType one of {@link #NOTE_TYPES}
 * @param expandDuration milliseconds the notes stayed expanded, {@code >= 0}
 * @param targetPerfumeId the similar perfume clicked
 * @param position position of the clicked similar perfume, {@code >= 0}
 * @param similarityReason free text
 */
public record EngagementData(
        Double imageIndex,
        Double viewDuration,
        Boolean zoomed,
        String noteType,
        Double expandDuration,
        String targetPerfumeId,
        Double position,
        String similarityReason)
        implements EventData {

    public static final Set<String> NOTE_TYPES = Set.of("open", "heart", "base");
}
