package com.newsmell.contract.data;

/**
 * eventData of REVIEW_STARTED, REVIEW_SUBMITTED and REVIEW_UPDATED.
 *
 * @param reviewLength length of the review text in characters, an integer {@code >= 0} (a count: ADR 0014)
 * @param rating optional overall rating 1-5, decimals allowed like the seed's ratings
 */
public record ReviewData(Integer reviewLength, Double rating) implements EventData {}
