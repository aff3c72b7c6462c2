package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.recommendation.attribution.LedgerReader;
import com.newsmell.recommendation.config.RecommendationConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Computes (one transaction) and serves the weekly performance report. */
@ApplicationScoped
public class WeeklyReportService {

    private final LedgerReader ledger;
    private final WeeklyReportRepository reports;
    private final RecommendationConfig config;
    private final ObjectMapper mapper;

    public WeeklyReportService(
            LedgerReader ledger, WeeklyReportRepository reports, RecommendationConfig config, ObjectMapper mapper) {
        this.ledger = ledger;
        this.reports = reports;
        this.config = config;
        this.mapper = mapper;
    }

    /** Computes the report of the week starting {@code weekStart}; returns its algorithms. */
    @WithTransaction
    public Uni<List<WeeklyReport.Algorithm>> compute(LocalDate weekStart) {
        Instant start = weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = weekStart.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant previous = weekStart.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ledger.impressions(start, end)
                .chain(week -> ledger.impressions(previous, start)
                        .map(before -> WeeklyReport.of(
                                weekStart,
                                week,
                                before,
                                config.positionBias().minRandomizedImpressions(),
                                config.positionBias().clip())))
                .chain(list ->
                        reports.replace(weekStart, json(list), Instant.now()).replaceWith(list));
    }

    /** The report of a week (the latest computed one without a week). */
    @WithSession
    public Uni<List<JsonNode>> report(LocalDate weekStart) {
        return reports.reports(weekStart).map(texts -> {
            List<JsonNode> out = new ArrayList<>();
            for (String t : texts) {
                try {
                    out.add(mapper.readTree(t));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        });
    }

    private String json(List<WeeklyReport.Algorithm> list) {
        try {
            return mapper.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
