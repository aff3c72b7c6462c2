package com.newsmell.perfumestats.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One comparison of the daily audit: a perfume's views in the 7- and 30-day windows ending at {@code asOf} as the
 * raw store counted them (the collector's perfume-view-audit record) and as perfume-stats has them, from its
 * buckets and as served by the stats API. Written once per (perfumeId, asOf) ({@link WindowAuditRepository}).
 */
@Entity
@Table(name = "perfume_window_audit")
@IdClass(PerfumeWindowAudit.Key.class)
public class PerfumeWindowAudit {

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    @Id
    @Column(name = "as_of")
    public Instant asOf;

    @Column(name = "raw_views_7d")
    public int rawViews7d;

    @Column(name = "raw_views_30d")
    public int rawViews30d;

    /** perfume-stats' figure from its buckets (the hourly job's computation) for the same windows. */
    @Column(name = "stats_views_7d")
    public long statsViews7d;

    @Column(name = "stats_views_30d")
    public long statsViews30d;

    /** The stats API's viewsLast7Days when its windows were as of the same hour; else null. */
    @Column(name = "served_views_7d")
    public Integer servedViews7d;

    @Column(name = "served_views_30d")
    public Integer servedViews30d;

    /** statsViews7d - rawViews7d. */
    @Column(name = "difference_7d")
    public long difference7d;

    @Column(name = "difference_30d")
    public long difference30d;

    /** Every figure perfume-stats has for these windows equals the raw store's. */
    public boolean matches;

    @Column(name = "audited_at")
    public Instant auditedAt;

    @Column(name = "checked_at")
    public Instant checkedAt;

    /** The (perfumeId, asOf) pair; also the entity's id class. */
    public static class Key implements Serializable {

        public String perfumeId;
        public Instant asOf;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(perfumeId, k.perfumeId) && Objects.equals(asOf, k.asOf);
        }

        @Override
        public int hashCode() {
            return Objects.hash(perfumeId, asOf);
        }
    }
}
