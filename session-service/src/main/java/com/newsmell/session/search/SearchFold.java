package com.newsmell.session.search;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.SEARCH_NO_RESULTS;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.SEARCH_RESULT_CLICKED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.data.PageViewData;
import com.newsmell.contract.data.SearchClickData;
import com.newsmell.contract.data.SearchData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The search queries of one session, computed from scratch from its events in (timestamp, eventId) order: a
 * pure function, so any arrival order and any replay give the same queries.
 */
public final class SearchFold {

    private SearchFold() {}

    /** The queries, and the clicks that reference no search of the session (yet). */
    public record Result(List<SearchQueryView> queries, List<UserInteractionEvent> orphanClicks) {}

    /** The searchType of a SEARCH_REFINED row, and of a search that says it refines the one before (seed's value). */
    public static final String REFINEMENT = "refinement";

    /** The searchType of a search whose event gives none. */
    public static final String INITIAL = "initial";

    /** What a search event says of its search: its query, types, filters and result counts. */
    record Made(
            String queryText,
            String queryType,
            String searchType,
            ObjectNode filters,
            int resultsCount,
            int resultsShown) {

        static Made of(UserInteractionEvent event) {
            SearchData data = searchData(event);
            boolean noResults = event.eventType() == SEARCH_NO_RESULTS;
            String queryText = data.query() == null ? "" : data.query();
            ObjectNode filters = data.filters() == null ? JsonNodeFactory.instance.objectNode() : data.filters();
            String queryType = queryText.isBlank() && !filters.isEmpty()
                    ? "filter_only"
                    : (data.queryType() == null ? "text" : data.queryType());
            String searchType = event.eventType() == SEARCH_REFINED
                    ? REFINEMENT
                    : (data.searchType() == null ? INITIAL : data.searchType());
            int shown = data.resultPerfumeIds() == null
                    ? 0
                    : data.resultPerfumeIds().size();
            return new Made(
                    queryText,
                    queryType,
                    searchType,
                    filters,
                    noResults ? 0 : count(data.resultsCount(), shown),
                    noResults ? 0 : count(data.resultsShown(), shown));
        }
    }

    private static final class Search {
        final int index;
        final UserInteractionEvent event;
        final String searchId;
        final Made made;
        final Search refines;
        int resultsCount;
        int resultsShown;
        boolean refined;
        final List<Integer> clickIndexes = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<String> perfumes = new ArrayList<>();

        Search(int index, UserInteractionEvent event, String searchId, Search refines) {
            this.index = index;
            this.event = event;
            this.searchId = searchId;
            this.refines = refines;
            this.made = Made.of(event);
            this.resultsCount = made.resultsCount();
            this.resultsShown = made.resultsShown();
        }
    }

    /** A count the seed types as {@code number}: whole, as the SearchQuery column is an Int. */
    private static int count(Number value, int fallback) {
        return value == null ? fallback : (int) Math.round(value.doubleValue());
    }

    /**
     * @param ordered the session's events in (timestamp, eventId) order
     * @param userId the session's user (identity stitching: every query of the session belongs to it)
     * @param closed whether the session is closed (a last search without clicks is then abandoned)
     */
    public static Result fold(
            List<UserInteractionEvent> ordered, String sessionId, String userId, boolean closed, Duration desiredView) {
        Set<String> performedIds = new HashSet<>();
        for (UserInteractionEvent e : ordered) {
            if (e.eventType() == SEARCH_PERFORMED) {
                performedIds.add(searchIdOf(e));
            }
        }
        // Pass 1: the searches (each refinement linked to, and marking, the search before it), and every event
        // that starts a new results page.
        List<Search> searches = new ArrayList<>();
        Map<String, Search> byId = new HashMap<>();
        TreeSet<Integer> searchStarts = new TreeSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            UserInteractionEvent e = ordered.get(i);
            if (e.eventType() == SEARCH_REFINED) {
                searchStarts.add(i);
            }
            if (!startsSearch(e, performedIds, searches.isEmpty())) {
                if (e.eventType() == SEARCH_REFINED) {
                    // Its searchId's SEARCH_PERFORMED is the search; it still refines the one before that search.
                    Search previous = latestBefore(searches, i);
                    if (previous != null && previous.searchId.equals(searchIdOf(e))) {
                        previous = latestBefore(searches, previous.index);
                    }
                    markRefined(previous);
                }
                continue;
            }
            String id = searchIdOf(e);
            if (!byId.containsKey(id)) {
                Search previous = refines(e) ? latestBefore(searches, i) : null;
                markRefined(previous);
                Search s = new Search(i, e, id, previous);
                searches.add(s);
                byId.put(id, s);
                searchStarts.add(i);
            }
        }
        // Pass 2: no-results marks and clicks.
        List<UserInteractionEvent> orphans = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            UserInteractionEvent e = ordered.get(i);
            switch (e.eventType()) {
                case SEARCH_NO_RESULTS -> {
                    String id = searchData(e).searchId();
                    Search target = id != null ? byId.get(id) : latestBefore(searches, i);
                    if (target != null && target.index != i) {
                        target.resultsCount = 0;
                        target.resultsShown = 0;
                    }
                }
                case SEARCH_RESULT_CLICKED -> {
                    SearchClickData click =
                            e.data() instanceof SearchClickData c ? c : new SearchClickData(null, null, null);
                    Search target = click.searchId() != null ? byId.get(click.searchId()) : latestBefore(searches, i);
                    if (target == null) {
                        orphans.add(e);
                    } else {
                        target.clickIndexes.add(i);
                        target.positions.add(click.position());
                        target.perfumes.add(click.perfumeId());
                    }
                }
                default -> {}
            }
        }
        List<SearchQueryView> queries = new ArrayList<>();
        for (Search s : searches) {
            queries.add(view(s, ordered, searchStarts, sessionId, userId, closed, desiredView));
        }
        return new Result(queries, orphans);
    }

    private static SearchQueryView view(
            Search s,
            List<UserInteractionEvent> ordered,
            TreeSet<Integer> searchStarts,
            String sessionId,
            String userId,
            boolean closed,
            Duration desiredView) {
        Instant at = s.event.timestamp();
        Integer timeToFirstClick = s.clickIndexes.isEmpty()
                ? null
                : millis(at, ordered.get(s.clickIndexes.get(0)).timestamp());
        Integer timeOnResults = null;
        for (int j = s.index + 1; j < ordered.size(); j++) {
            if (leavesResults(ordered.get(j), j, searchStarts, s.event.path())) {
                timeOnResults = millis(at, ordered.get(j).timestamp());
                break;
            }
        }
        Integer next = searchStarts.higher(s.index);
        boolean abandoned =
                next != null ? s.clickIndexes.stream().noneMatch(c -> c < next) : closed && s.clickIndexes.isEmpty();
        return new SearchQueryView(
                s.searchId,
                sessionId,
                userId,
                at,
                s.made.queryText(),
                s.made.queryType(),
                s.made.searchType(),
                s.refines == null ? null : s.refines.searchId,
                s.made.filters(),
                s.resultsCount,
                s.resultsShown,
                Collections.unmodifiableList(new ArrayList<>(s.positions)),
                Collections.unmodifiableList(new ArrayList<>(s.perfumes)),
                timeToFirstClick,
                timeOnResults,
                foundDesired(s, ordered, desiredView),
                s.refined,
                abandoned);
    }

    private static boolean leavesResults(
            UserInteractionEvent e, int index, TreeSet<Integer> searchStarts, String resultsPath) {
        return leavesResults(e, searchStarts.contains(index), resultsPath);
    }

    /** Whether the event ends the results page at {@code resultsPath}: a click, a search start, a view elsewhere. */
    static boolean leavesResults(UserInteractionEvent e, boolean startsSearch, String resultsPath) {
        return e.eventType() == SEARCH_RESULT_CLICKED
                || startsSearch
                || (e.eventCategory() == InteractionCategory.VIEW && !Objects.equals(e.path(), resultsPath));
    }

    private static boolean foundDesired(Search s, List<UserInteractionEvent> ordered, Duration desiredView) {
        for (int k = 0; k < s.clickIndexes.size(); k++) {
            String perfume = s.perfumes.get(k);
            if (perfume == null) {
                continue;
            }
            for (int j = s.clickIndexes.get(k) + 1; j < ordered.size(); j++) {
                UserInteractionEvent e = ordered.get(j);
                if (perfume.equals(e.perfumeId()) && desires(e, desiredView)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean desires(UserInteractionEvent e, Duration desiredView) {
        if (e.eventType() == WISHLIST_ADD || e.eventType() == COLLECTION_ADD || e.eventType() == RATING_COMPLETED) {
            return true;
        }
        if (e.eventType() != PERFUME_VIEW) {
            return false;
        }
        Number viewed = e.data() instanceof PageViewData p ? p.viewDuration() : null;
        if (viewed == null) {
            viewed = e.duration();
        }
        return viewed != null && viewed.doubleValue() >= desiredView.toMillis();
    }

    /**
     * Whether the event is a search of its own: every SEARCH_PERFORMED; a SEARCH_REFINED unless a SEARCH_PERFORMED
     * has its searchId (then that one is the search); a SEARCH_NO_RESULTS whose searchId no SEARCH_PERFORMED has, or
     * without searchId when no search came before it (else it marks that search).
     */
    static boolean startsSearch(UserInteractionEvent e, Set<String> performedIds, boolean noSearchBefore) {
        String id = searchData(e).searchId();
        return switch (e.eventType()) {
            case SEARCH_PERFORMED -> true;
            case SEARCH_REFINED -> id == null || !performedIds.contains(id);
            case SEARCH_NO_RESULTS -> id != null ? !performedIds.contains(id) : noSearchBefore;
            default -> false;
        };
    }

    /** A SEARCH_REFINED, or a search whose searchType is refinement and that names its previousQuery. */
    static boolean refines(UserInteractionEvent e) {
        SearchData d = searchData(e);
        return e.eventType() == SEARCH_REFINED || (REFINEMENT.equals(d.searchType()) && d.previousQuery() != null);
    }

    private static void markRefined(Search s) {
        if (s != null) {
            s.refined = true;
        }
    }

    private static Search latestBefore(List<Search> searches, int index) {
        Search latest = null;
        for (Search s : searches) {
            if (s.index < index) {
                latest = s;
            }
        }
        return latest;
    }

    static SearchData searchData(UserInteractionEvent e) {
        return e.data() instanceof SearchData d
                ? d
                : new SearchData(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static String searchIdOf(UserInteractionEvent e) {
        String id = searchData(e).searchId();
        return id != null ? id : e.eventId();
    }

    static int millis(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toMillis());
    }
}
