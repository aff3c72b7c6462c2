package com.newsmell.bench;

import java.util.Locale;

/**
 * One row of the table {@code bench/run-all} prints (issue 17): every benchmark prints its rows as
 * {@code ROW | stage | figure | reference | ratio | goal | holds |}, which run-all collects from the benchmarks' logs.
 */
final class Row {

    private Row() {}

    /** A figure against a reference of the same run: ratio = figure / reference, holding when ≥ {@code goal}. */
    static void ratio(String stage, double figure, double reference, String unit, String referenceName, double goal) {
        double ratio = figure / reference;
        print(
                stage,
                String.format(Locale.ROOT, "%.0f %s", figure, unit),
                String.format(Locale.ROOT, "%s %.0f %s", referenceName, reference, unit),
                String.format(Locale.ROOT, "%.2f", ratio),
                String.format(Locale.ROOT, "≥ %.2f", goal),
                ratio >= goal ? "yes" : "no");
    }

    /** A figure beside its reference with no goal of the table (recorded, not judged). */
    static void compared(String stage, String figure, String reference, double ratio) {
        print(stage, figure, reference, String.format(Locale.ROOT, "%.2f", ratio), "—", "—");
    }

    /** A figure against an absolute goal (no reference). */
    static void limit(String stage, String figure, String goal, boolean holds) {
        print(stage, figure, "—", "—", goal, holds ? "yes" : "no");
    }

    static void print(String stage, String figure, String reference, String ratio, String goal, String holds) {
        CollectorBench.log("ROW | %s | %s | %s | %s | %s | %s |", stage, figure, reference, ratio, goal, holds);
    }
}
