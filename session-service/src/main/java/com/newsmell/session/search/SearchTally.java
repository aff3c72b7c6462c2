package com.newsmell.session.search;

import static com.newsmell.contract.InteractionEventType.SEARCH_NO_RESULTS;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.SearchClickData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search queries of a session kept event by event, for events appended in (timestamp, eventId) order (ADR
 * 0070): after any sequence of appends that all succeeded, {@link #views} equals {@link SearchFold#fold} of the same
 * events. {@link #append} refuses (returns false) an event that would change how an earlier event was read, which
 * only the full fold can do: a search whose searchId an earlier click, refinement or no-results event named (the
 * full fold links them backwards). After a refusal the tally is unusable; the caller re-folds. Pure and mutable;
 * {@link #toJson()} / {@link #fromJson} are its stored form.
 */
public final class SearchTally {

    private static final class Running {
        String searchId;
        Instant at;
        String path;
        SearchFold.Made made;
        String refinesSearchId;
        int resultsCount;
        int resultsShown;
        final List<Integer> positions = new ArrayList<>();
        final List<String> perfumes = new ArrayList<>();
        Instant firstClick;
        Integer timeOnResults;
        boolean leftResults;
        boolean foundDesired;
        boolean refined;
        boolean nextStarted;
        boolean clickedBeforeNext;
    }

    private final Duration desiredView;
    private final List<Running> searches = new ArrayList<>();
    private final Map<String, Running> byId = new HashMap<>();
    private final Set<String> performedIds = new TreeSet<>();
    private final Set<String> referencedIds = new TreeSet<>();
    private final Set<String> changed = new LinkedHashSet<>();

    public SearchTally(Duration desiredView) {
        this.desiredView = desiredView;
    }

    /**
     * Adds the next event (in fold order).
     *
     * @return false if only a full fold can place it (the tally is then unusable)
     */
    public boolean append(UserInteractionEvent e) {
        String explicitId = SearchFold.searchData(e).searchId();
        String ownId = SearchFold.searchIdOf(e);
        if (e.eventType() == SEARCH_PERFORMED && !performedIds.contains(ownId) && referencedIds.contains(ownId)) {
            return false;
        }
        boolean start = e.eventType() == SEARCH_REFINED;
        Running created = null;
        Running latest = searches.isEmpty() ? null : searches.get(searches.size() - 1);
        if (!SearchFold.startsSearch(e, performedIds, searches.isEmpty())) {
            if (e.eventType() == SEARCH_REFINED) {
                Running previous = latest;
                if (previous != null && previous.searchId.equals(ownId)) {
                    previous = searches.size() > 1 ? searches.get(searches.size() - 2) : null;
                }
                markRefined(previous);
            }
        } else if (!byId.containsKey(ownId)) {
            if (referencedIds.contains(ownId)) {
                return false;
            }
            Running previous = SearchFold.refines(e) ? latest : null;
            markRefined(previous);
            created = start(e, ownId, previous);
            start = true;
        }
        if (e.eventType() == SEARCH_PERFORMED) {
            performedIds.add(ownId);
        }
        if (explicitId != null && e.eventType() != SEARCH_PERFORMED) {
            referencedIds.add(explicitId);
        }
        for (Running s : searches) {
            if (s == created) {
                continue;
            }
            if (start && !s.nextStarted) {
                s.nextStarted = true;
                changed.add(s.searchId);
            }
            if (!s.leftResults && SearchFold.leavesResults(e, start, s.path)) {
                s.leftResults = true;
                s.timeOnResults = SearchFold.millis(s.at, e.timestamp());
                changed.add(s.searchId);
            }
        }
        if (e.eventType() == SEARCH_NO_RESULTS) {
            Running target = explicitId != null ? byId.get(explicitId) : latest;
            if (target != null && target != created) {
                target.resultsCount = 0;
                target.resultsShown = 0;
                changed.add(target.searchId);
            }
        } else if (e.eventType() == SEARCH_RESULT_CLICKED) {
            click(e);
        }
        if (e.perfumeId() != null && SearchFold.desires(e, desiredView)) {
            for (Running s : searches) {
                if (!s.foundDesired && s.perfumes.contains(e.perfumeId())) {
                    s.foundDesired = true;
                    changed.add(s.searchId);
                }
            }
        }
        return true;
    }

    private Running start(UserInteractionEvent e, String id, Running previous) {
        Running s = new Running();
        s.searchId = id;
        s.at = e.timestamp();
        s.path = e.path();
        s.made = SearchFold.Made.of(e);
        s.refinesSearchId = previous == null ? null : previous.searchId;
        s.resultsCount = s.made.resultsCount();
        s.resultsShown = s.made.resultsShown();
        searches.add(s);
        byId.put(id, s);
        changed.add(id);
        return s;
    }

    private void click(UserInteractionEvent e) {
        SearchClickData click = e.data() instanceof SearchClickData c ? c : new SearchClickData(null, null, null);
        if (click.searchId() != null) {
            referencedIds.add(click.searchId());
        }
        Running target = click.searchId() != null
                ? byId.get(click.searchId())
                : (searches.isEmpty() ? null : searches.get(searches.size() - 1));
        if (target == null) {
            return; // an orphan: the full fold of the closing session dead-letters it
        }
        target.positions.add(click.position());
        target.perfumes.add(click.perfumeId());
        if (target.firstClick == null) {
            target.firstClick = e.timestamp();
        }
        target.clickedBeforeNext |= !target.nextStarted;
        changed.add(target.searchId);
    }

    private void markRefined(Running s) {
        if (s != null && !s.refined) {
            s.refined = true;
            changed.add(s.searchId);
        }
    }

    /** The searchIds whose query changed since the last call (and clears them). */
    public Set<String> takeChanged() {
        Set<String> ids = new LinkedHashSet<>(changed);
        changed.clear();
        return ids;
    }

    /** Every search, as {@link SearchFold#fold} makes it (open or closed session). */
    public List<SearchQueryView> views(String sessionId, String userId, boolean closed) {
        List<SearchQueryView> views = new ArrayList<>(searches.size());
        for (Running s : searches) {
            views.add(new SearchQueryView(
                    s.searchId,
                    sessionId,
                    userId,
                    s.at,
                    s.made.queryText(),
                    s.made.queryType(),
                    s.made.searchType(),
                    s.refinesSearchId,
                    s.made.filters(),
                    s.resultsCount,
                    s.resultsShown,
                    Collections.unmodifiableList(new ArrayList<>(s.positions)),
                    Collections.unmodifiableList(new ArrayList<>(s.perfumes)),
                    s.firstClick == null ? null : SearchFold.millis(s.at, s.firstClick),
                    s.timeOnResults,
                    s.foundDesired,
                    s.refined,
                    s.nextStarted ? !s.clickedBeforeNext : closed && s.positions.isEmpty()));
        }
        return views;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("searches");
        for (Running s : searches) {
            ObjectNode n = list.addObject()
                    .put("searchId", s.searchId)
                    .put("at", s.at.toString())
                    .put("path", s.path)
                    .put("queryText", s.made.queryText())
                    .put("queryType", s.made.queryType())
                    .put("searchType", s.made.searchType())
                    .put("madeResultsCount", s.made.resultsCount())
                    .put("madeResultsShown", s.made.resultsShown())
                    .put("refinesSearchId", s.refinesSearchId)
                    .put("resultsCount", s.resultsCount)
                    .put("resultsShown", s.resultsShown)
                    .put("firstClick", s.firstClick == null ? null : s.firstClick.toString())
                    .put("timeOnResults", s.timeOnResults)
                    .put("leftResults", s.leftResults)
                    .put("foundDesired", s.foundDesired)
                    .put("refined", s.refined)
                    .put("nextStarted", s.nextStarted)
                    .put("clickedBeforeNext", s.clickedBeforeNext);
            n.set("filters", s.made.filters());
            ArrayNode positions = n.putArray("positions");
            s.positions.forEach(positions::add);
            ArrayNode perfumes = n.putArray("perfumes");
            s.perfumes.forEach(perfumes::add);
        }
        performedIds.forEach(o.putArray("performedIds")::add);
        referencedIds.forEach(o.putArray("referencedIds")::add);
        return o;
    }

    public static SearchTally fromJson(JsonNode o, Duration desiredView) {
        SearchTally t = new SearchTally(desiredView);
        for (JsonNode n : o.get("searches")) {
            Running s = new Running();
            s.searchId = n.get("searchId").asText();
            s.at = Instant.parse(n.get("at").asText());
            s.path = text(n, "path");
            s.made = new SearchFold.Made(
                    n.get("queryText").asText(),
                    n.get("queryType").asText(),
                    n.get("searchType").asText(),
                    (ObjectNode) n.get("filters"),
                    n.get("madeResultsCount").asInt(),
                    n.get("madeResultsShown").asInt());
            s.refinesSearchId = text(n, "refinesSearchId");
            s.resultsCount = n.get("resultsCount").asInt();
            s.resultsShown = n.get("resultsShown").asInt();
            String firstClick = text(n, "firstClick");
            s.firstClick = firstClick == null ? null : Instant.parse(firstClick);
            s.timeOnResults = n.get("timeOnResults").isNull()
                    ? null
                    : n.get("timeOnResults").asInt();
            s.leftResults = n.get("leftResults").asBoolean();
            s.foundDesired = n.get("foundDesired").asBoolean();
            s.refined = n.get("refined").asBoolean();
            s.nextStarted = n.get("nextStarted").asBoolean();
            s.clickedBeforeNext = n.get("clickedBeforeNext").asBoolean();
            n.get("positions").forEach(p -> s.positions.add(p.isNull() ? null : p.asInt()));
            n.get("perfumes").forEach(p -> s.perfumes.add(p.isNull() ? null : p.asText()));
            t.searches.add(s);
            t.byId.put(s.searchId, s);
        }
        o.get("performedIds").forEach(p -> t.performedIds.add(p.asText()));
        o.get("referencedIds").forEach(p -> t.referencedIds.add(p.asText()));
        return t;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
