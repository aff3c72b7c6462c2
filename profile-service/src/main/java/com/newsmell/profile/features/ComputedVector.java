package com.newsmell.profile.features;

/**
 * One user's vector as a run computed it.
 *
 * @param values in the positions of its schema version, each in [0,1]
 * @param settled false when the user's rollups hold days after the run's day (a run with an earlier clock than some of
 *     their events): the vector's lifetime inputs (memberships, ratings) may then hold later events, so the run writes
 *     no snapshot of it (ADR 0021)
 */
public record ComputedVector(String userId, double[] values, AccountAge accountAge, boolean settled) {}
