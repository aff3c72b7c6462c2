package com.newsmell.perfumestats.reconcile;

import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import com.newsmell.perfumestats.stats.StatsFormulas;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the reconciliation corrects the locked rows: a counter whose stored value differs from the one derived from
 * the daily buckets, memberships and ratings has drifted and takes the derived value; a drifted row's averages and
 * CTRs are derived again and its {@code updatedAt} moves. Rows that agree are left untouched (not written).
 */
final class ReconcileFold {

    /**
     * What the reconciliation found.
     *
     * @param perfumes how many perfumes had drifted
     * @param fields per field name, how many perfumes had drifted in it (in the order first found)
     */
    record Drift(int perfumes, Map<String, Integer> fields) {}

    private ReconcileFold() {}

    /** Corrects each locked row to its derived counters (a row without derived counters is left as it is). */
    static Drift fold(
            List<PerfumeInteractionStats> locked, Map<String, Map<ReconciledField, BigDecimal>> derived, Instant now) {
        int perfumes = 0;
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (PerfumeInteractionStats row : locked) {
            Map<ReconciledField, BigDecimal> values = derived.get(row.perfumeId);
            if (values == null) {
                continue;
            }
            boolean drifted = false;
            for (ReconciledField f : ReconciledField.values()) {
                BigDecimal value = values.getOrDefault(f, BigDecimal.ZERO);
                if (f.differs(row, value)) {
                    fields.merge(f.field, 1, Integer::sum);
                    f.set(row, value);
                    drifted = true;
                }
            }
            if (drifted) {
                perfumes++;
                StatsFormulas.derive(row);
                row.updatedAt = now;
            }
        }
        return new Drift(perfumes, fields);
    }
}
