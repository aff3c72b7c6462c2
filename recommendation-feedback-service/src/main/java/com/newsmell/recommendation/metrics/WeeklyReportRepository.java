package com.newsmell.recommendation.metrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** recommendation_weekly_report: one jsonb report per week and algorithm. */
@ApplicationScoped
public class WeeklyReportRepository {

    /** Replaces a week's reports (one statement: delete, then the insert of the json array's elements). */
    public Uni<Integer> replace(LocalDate weekStart, String reportsJson, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "delete from recommendation_weekly_report where week_start = cast(:week as date)")
                        .setParameter("week", weekStart)
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("insert into recommendation_weekly_report (week_start,"
                                        + " algorithm, report, computed_at) select cast(:week as date), r->>'algorithm',"
                                        + " r, cast(:now as timestamptz) from jsonb_array_elements(cast(cast(:reports"
                                        + " as text) as jsonb)) as r")
                                .setParameter("week", weekStart)
                                .setParameter("reports", reportsJson)
                                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                                .executeUpdate()));
    }

    /** A week's reports as json texts, by algorithm; the latest week computed when {@code weekStart} is null. */
    public Uni<List<String>> reports(LocalDate weekStart) {
        String week = weekStart == null
                ? "(select max(week_start) from recommendation_weekly_report)"
                : "cast(:week as date)";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(
                    "select cast(report as text) from recommendation_weekly_report where week_start = " + week
                            + " order by algorithm",
                    String.class);
            if (weekStart != null) {
                q.setParameter("week", weekStart);
            }
            return q.getResultList();
        });
    }
}
