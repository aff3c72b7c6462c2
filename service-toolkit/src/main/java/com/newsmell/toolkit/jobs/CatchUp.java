package com.newsmell.toolkit.jobs;

/** What a job does about the periods it missed while no replica ran it (ADR 0011). */
public enum CatchUp {
    /** Only the latest period runs: a once-a-minute closer that was down for 7 hours runs once, not 420 times. */
    LATEST_ONLY,
    /** Every missed period runs, oldest first: a daily job that missed Tuesday runs Tuesday's, then Wednesday's. */
    EVERY_PERIOD
}
