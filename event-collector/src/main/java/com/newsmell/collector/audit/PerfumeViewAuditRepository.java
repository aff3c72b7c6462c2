package com.newsmell.collector.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit's read of the raw store ({@code user_interaction_event}): the sample of perfumes and their view counts,
 * in one statement, so that the sample and its counts are one snapshot.
 */
@ApplicationScoped
public class PerfumeViewAuditRepository {

    private static final String SAMPLE = """
            with viewed as (
              select perfume_id,
                     count(*) filter (where timestamp >= cast(:from7 as timestamptz)) as views7d,
                     count(*) filter (where timestamp >= cast(:from30 as timestamptz)) as views30d
              from user_interaction_event
              where event_type = 'PERFUME_VIEW' and not is_bot and perfume_id is not null
                and timestamp >= cast(:poolFrom as timestamptz) and timestamp < cast(:asOf as timestamptz)
              group by perfume_id),
            most_viewed as (
              select perfume_id from viewed where views30d > 0
              order by views30d desc, perfume_id limit :mostViewed),
            at_random as (
              select perfume_id from viewed where perfume_id not in (select perfume_id from most_viewed)
              order by random() limit :random)
            select v.perfume_id, v.views7d, v.views30d, m.perfume_id is not null as most_viewed
            from viewed v left join most_viewed m on m.perfume_id = v.perfume_id
            where m.perfume_id is not null or v.perfume_id in (select perfume_id from at_random)
            order by v.perfume_id
            """;

    /**
     * The {@code mostViewed} perfumes with the most non-bot PERFUME_VIEWs in [from30, asOf) (ties by perfumeId), and
     * {@code random} others drawn at random from those viewed in [poolFrom, asOf), each with its non-bot
     * PERFUME_VIEW count in [from7, asOf) and [from30, asOf).
     */
    @WithSession
    public Uni<List<PerfumeViewCount>> sample(AuditWindows windows, int mostViewed, int random) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SAMPLE, Object[].class)
                        .setParameter("from7", windows.from7().atOffset(ZoneOffset.UTC))
                        .setParameter("from30", windows.from30().atOffset(ZoneOffset.UTC))
                        .setParameter("poolFrom", windows.poolFrom().atOffset(ZoneOffset.UTC))
                        .setParameter("asOf", windows.asOf().atOffset(ZoneOffset.UTC))
                        .setParameter("mostViewed", mostViewed)
                        .setParameter("random", random)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new PerfumeViewCount(
                                (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), (Boolean)
                                        row[3]))
                        .toList());
    }
}
