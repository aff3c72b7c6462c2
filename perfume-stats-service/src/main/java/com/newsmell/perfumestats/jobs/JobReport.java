package com.newsmell.perfumestats.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * What a job run did.
 *
 * @param job hourly | reconcile
 * @param asOf the time the run computed the figures for (the hourly job: the start of the hour)
 * @param durationMs how long it took
 * @param rowsChanged perfume rows changed
 * @param drift reconcile only: per field, how many perfumes had drifted (and were corrected)
 */
public record JobReport(String job, Instant asOf, long durationMs, long rowsChanged, Map<String, Integer> drift) {}
