package com.newsmell.session.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The specification's SearchQuery: one row per search of a session, always the fold of the session's events. */
@Entity
@Table(name = "search_query")
@IdClass(SearchQueryKey.class)
public class SearchQuery {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Id
    @Column(name = "search_id")
    public String searchId;

    @Column(name = "user_id")
    public String userId;

    public Instant timestamp;

    @Column(name = "query_text")
    public String queryText;

    @Column(name = "query_type")
    public String queryType;

    @Column(name = "search_type")
    public String searchType;

    /** The searchId of the search of the same session this one refines, or null. */
    @Column(name = "refines_search_id")
    public String refinesSearchId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String filters;

    @Column(name = "results_count")
    public int resultsCount;

    @Column(name = "results_shown")
    public int resultsShown;

    /** A JSON array, stored as text (the reactive driver binds jsonb values as objects only). */
    @Column(name = "clicked_positions")
    public String clickedPositions;

    /** A JSON array, stored as text. */
    @Column(name = "clicked_perfumes")
    public String clickedPerfumes;

    @Column(name = "time_to_first_click")
    public Integer timeToFirstClick;

    @Column(name = "time_on_results")
    public Integer timeOnResults;

    @Column(name = "found_desired")
    public boolean foundDesired;

    @Column(name = "refined_query")
    public boolean refinedQuery;

    public boolean abandoned;

    /** The session's bot flag, so the search rollups can leave bots out. */
    @Column(name = "is_bot")
    public boolean isBot;

    public static SearchQuery of(SearchQueryView v, boolean isBot) {
        SearchQuery row = new SearchQuery();
        row.sessionId = v.sessionId();
        row.searchId = v.searchId();
        row.userId = v.userId();
        row.timestamp = v.timestamp();
        row.queryText = v.queryText();
        row.queryType = v.queryType();
        row.searchType = v.searchType();
        row.refinesSearchId = v.refinesSearchId();
        row.filters = v.filters().toString();
        row.resultsCount = v.resultsCount();
        row.resultsShown = v.resultsShown();
        row.clickedPositions = json(v.clickedPositions());
        row.clickedPerfumes = json(v.clickedPerfumes());
        row.timeToFirstClick = v.timeToFirstClick();
        row.timeOnResults = v.timeOnResults();
        row.foundDesired = v.foundDesired();
        row.refinedQuery = v.refinedQuery();
        row.abandoned = v.abandoned();
        row.isBot = isBot;
        return row;
    }

    public SearchQueryView view() {
        return new SearchQueryView(
                searchId,
                sessionId,
                userId,
                timestamp,
                queryText,
                queryType,
                searchType,
                refinesSearchId,
                read(filters, new TypeReference<ObjectNode>() {}, JsonNodeFactory.instance.objectNode()),
                resultsCount,
                resultsShown,
                read(clickedPositions, new TypeReference<List<Integer>>() {}, List.of()),
                read(clickedPerfumes, new TypeReference<List<String>>() {}, List.of()),
                timeToFirstClick,
                timeOnResults,
                foundDesired,
                refinedQuery,
                abandoned);
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, T fallback) {
        if (json == null) {
            return fallback;
        }
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (Exception e) {
            return fallback;
        }
    }
}
