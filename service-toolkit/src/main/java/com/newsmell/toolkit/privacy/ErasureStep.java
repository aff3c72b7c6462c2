package com.newsmell.toolkit.privacy;

/**
 * One statement of a service's erasure (ADR 0032): a native SQL delete or update whose parameter {@code :userId} is
 * the erased user, counted under its table group in the acknowledgement (for example {@code sessions}).
 */
public record ErasureStep(String tableGroup, String sql) {}
