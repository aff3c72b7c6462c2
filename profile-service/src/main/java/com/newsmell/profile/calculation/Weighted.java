package com.newsmell.profile.calculation;

/** A note or house of a preference list, with its weight in 0–1 (the top one weighs exactly 1). */
public record Weighted(String id, double weight) {}
