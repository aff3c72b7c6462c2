package com.newsmell.contract.data;

/**
 * eventData of REVIEW_STARTED, REVIEW_SUBMITTED and REVIEW_UPDATED.
 *
 * @param reviewLength length of the review text in characters, {@code >= 0}
 * @param rating optional overall rating 1-5
 */
public record ReviewData(Integer reviewLength, Integer rating) implements EventData {}
