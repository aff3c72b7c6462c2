package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW, COLLECTION_VIEW and PROFILE_VIEWED.
 *
 * <p>The seed types every metric as {@code number} (a JavaScript number, an IEEE-754 double): each is a
 * {@link Double} here, so a decimal such as {@code viewDuration 1234.5} or {@code scrollDepth 55.5} is kept exactly
 * (ADR 0014); a JSON integer reads as the same value.
 *
 * @param title page title
 * @param viewDuration milliseconds on the page, {@code >= 0}
 * @param scrollDepth percentage 0-100
 * @param timeToInteraction milliseconds until the first interaction, {@code >= 0}
 * @param source one of {@link #SOURCES}
 * @param viewport browser viewport
 * @param deviceType one of {@link #DEVICE_TYPES}
 */
public record PageViewData(
        String title,
        Double viewDuration,
        Double scrollDepth,
        Double timeToInteraction,
        String source,
        Viewport viewport,
        String deviceType)
        implements EventData {

    public static final Set<String> SOURCES = Set.of("direct", "search", "recommendation", "social", "external");
    public static final Set<String> DEVICE_TYPES = Set.of("mobile", "tablet", "desktop");

    /** Viewport size in CSS pixels, each {@code >= 0} (fractional on zoomed or high-density screens). */
    public record Viewport(Double width, Double height) {}
}
