package com.newsmell.profile.calculation;

/** A perfume type or a search term, with how often it occurs. */
public record Counted(String value, long count) {}
