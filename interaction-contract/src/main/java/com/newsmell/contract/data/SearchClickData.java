package com.newsmell.contract.data;

/**
 * eventData of SEARCH_RESULT_CLICKED.
 *
 * @param searchId id of the SEARCH_PERFORMED event's search (optional)
 * @param position 0-based position of the clicked result, {@code >= 0}; required
 * @param perfumeId the clicked perfume; taken from eventData, else from the envelope's {@code perfumeId} when
 *     read through {@code UserInteractionEvent.data()}
 */
public record SearchClickData(String searchId, Integer position, String perfumeId) implements EventData {}
