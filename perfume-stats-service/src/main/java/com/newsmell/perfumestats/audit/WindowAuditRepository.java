package com.newsmell.perfumestats.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The daily audit's comparisons ({@code perfume_window_audit}): written once per (perfumeId, asOf), then read. */
@ApplicationScoped
public class WindowAuditRepository implements PanacheRepositoryBase<PerfumeWindowAudit, PerfumeWindowAudit.Key> {

    private static final String INSERT = """
            insert into perfume_window_audit (perfume_id, as_of, raw_views_7d, raw_views_30d, stats_views_7d,
                stats_views_30d, served_views_7d, served_views_30d, difference_7d, difference_30d, matches,
                audited_at, checked_at)
            values (:perfumeId, cast(:asOf as timestamptz), :raw7, :raw30, :stats7, :stats30, cast(:served7 as integer),
                cast(:served30 as integer), :diff7, :diff30, :matches, cast(:auditedAt as timestamptz),
                cast(:checkedAt as timestamptz))
            on conflict (perfume_id, as_of) do nothing
            """;

    /**
     * Stores the comparison unless one for the same (perfumeId, asOf) exists; whether it was stored (a record seen
     * twice changes nothing twice).
     */
    @WithSession
    public Uni<Boolean> insertIfAbsent(PerfumeWindowAudit a) {
        return getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("perfumeId", a.perfumeId)
                        .setParameter("asOf", a.asOf.atOffset(ZoneOffset.UTC))
                        .setParameter("raw7", a.rawViews7d)
                        .setParameter("raw30", a.rawViews30d)
                        .setParameter("stats7", a.statsViews7d)
                        .setParameter("stats30", a.statsViews30d)
                        .setParameter("served7", a.servedViews7d)
                        .setParameter("served30", a.servedViews30d)
                        .setParameter("diff7", a.difference7d)
                        .setParameter("diff30", a.difference30d)
                        .setParameter("matches", a.matches)
                        .setParameter("auditedAt", a.auditedAt.atOffset(ZoneOffset.UTC))
                        .setParameter("checkedAt", a.checkedAt.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** The latest asOf audited; null before the first audit. */
    @WithSession
    public Uni<Instant> latestAsOf() {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select max(a.asOf) from PerfumeWindowAudit a", Instant.class)
                        .getSingleResultOrNull());
    }

    /**
     * The comparisons of one asOf: mismatches first, then by perfumeId; after the row {@code after} (a keyset cursor:
     * its matches and perfumeId) when given; at most {@code count}.
     */
    @WithSession
    public Uni<List<PerfumeWindowAudit>> ofAsOf(Instant asOf, WindowAuditService.After after, int count) {
        var query = after == null
                ? find("asOf = ?1 order by matches, perfumeId", asOf)
                : after.matches()
                        ? find(
                                "asOf = ?1 and matches = true and perfumeId > ?2 order by matches, perfumeId",
                                asOf,
                                after.perfumeId())
                        : find(
                                "asOf = ?1 and ((matches = false and perfumeId > ?2) or matches = true)"
                                        + " order by matches, perfumeId",
                                asOf,
                                after.perfumeId());
        return query.page(Page.ofSize(count)).list();
    }

    /** How many perfumes were compared for the asOf. */
    @WithSession
    public Uni<Long> checked(Instant asOf) {
        return count("asOf = ?1", asOf);
    }

    /** How many of them differed. */
    @WithSession
    public Uni<Long> mismatches(Instant asOf) {
        return count("asOf = ?1 and matches = false", asOf);
    }
}
