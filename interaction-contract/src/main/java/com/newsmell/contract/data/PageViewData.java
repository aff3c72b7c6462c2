package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of PAGE_VIEW, PERFUME_VIEW, HOUSE_VIEW, COLLECTION_VIEW and PROFILE_VIEWED.
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
        Long viewDuration,
        Integer scrollDepth,
        Long timeToInteraction,
        String source,
        Viewport viewport,
        String deviceType)
        implements EventData {

    public static final Set<String> SOURCES = Set.of("direct", "search", "recommendation", "social", "external");
    public static final Set<String> DEVICE_TYPES = Set.of("mobile", "tablet", "desktop");

    /** Viewport size in CSS pixels, each {@code >= 0}. */
    public record Viewport(Integer width, Integer height) {}
}
