package com.newsmell.session.search;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_NO_RESULTS;
import static com.newsmell.contract.InteractionEventType.SEARCH_REFINED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.session.Scenarios.click;
import static com.newsmell.session.Scenarios.data;
import static com.newsmell.session.Scenarios.searchEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.session.Scenarios;
import com.newsmell.session.usersession.SessionFold;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search journey of a session ({@link SearchFold}), rule by rule, at the edges. Each test quotes the field of the
 * seed's SearchQuery model (user-interaction-data-model.md, "5. SearchQuery") it checks.
 */
class SearchFoldTest {

    private static final Scenarios.Ctx C = new Scenarios.Ctx("s-search", Instant.parse("2026-03-01T10:00:00Z"));
    private static final Duration DESIRED = Duration.ofSeconds(30);

    private static SearchFold.Result fold(boolean closed, Duration desired, UserInteractionEvent... events) {
        List<UserInteractionEvent> ordered =
                Arrays.stream(events).sorted(SessionFold.ORDER).toList();
        return SearchFold.fold(ordered, C.sid(), "u-1", closed, desired);
    }

    private static Map<String, SearchQueryView> byId(boolean closed, UserInteractionEvent... events) {
        return fold(closed, DESIRED, events).queries().stream()
                .collect(Collectors.toMap(SearchQueryView::searchId, Function.identity()));
    }

    private static UserInteractionEvent search(String searchId, double at, String extraJson) {
        return searchEvent(C, at, "{\"searchId\":\"" + searchId + "\",\"query\":\"rose\"" + extraJson + "}");
    }

    private static UserInteractionEvent clickOf(String searchId, double at, int position, String perfumeId) {
        return click(
                C,
                at,
                "{\"searchId\":\"" + searchId + "\",\"position\":" + position + ",\"perfumeId\":\"" + perfumeId
                        + "\"}");
    }

    private static UserInteractionEvent perfumeEvent(InteractionEventType type, double at, String perfumeId) {
        return C.ev(type, at).path("/perfume/" + perfumeId).perfumeId(perfumeId).build();
    }

    /** A PERFUME_VIEW that lasted {@code viewDuration} ms (PageViewEvent.viewDuration). */
    private static UserInteractionEvent viewed(double at, String perfumeId, double viewDuration) {
        return perfumeEvent(PERFUME_VIEW, at, perfumeId).toBuilder()
                .eventData(data("{\"viewDuration\":" + viewDuration + "}"))
                .build();
    }

    /** A SEARCH_REFINED on /search with the eventData. */
    private static UserInteractionEvent refinedEvent(double at, String json) {
        return C.ev(SEARCH_REFINED, at).path("/search").eventData(data(json)).build();
    }

    /** A SEARCH_NO_RESULTS on /search with the eventData. */
    private static UserInteractionEvent noResults(double at, String json) {
        return C.ev(SEARCH_NO_RESULTS, at).path("/search").eventData(data(json)).build();
    }

    @Nested
    @DisplayName("SearchQuery.resultsCount Int / resultsShown Int, and SEARCH_NO_RESULTS")
    class ZeroResults {

        @Test
        @DisplayName("SearchEvent.resultsCount: number, SearchQuery.resultsCount Int — a decimal count is rounded to"
                + " the nearest whole number (the event itself is stored as sent)")
        void aDecimalCountIsRounded() {
            SearchQueryView search = byId(true, search("q1", 0, ",\"resultsCount\":12.5,\"resultsShown\":9.4"))
                    .get("q1");

            assertThat(search.resultsCount()).isEqualTo(13);
            assertThat(search.resultsShown()).isEqualTo(9);
        }

        @Test
        @DisplayName("a SEARCH_NO_RESULTS with the search's searchId sets resultsCount and resultsShown to 0")
        void noResultsOfAKnownSearchZeroesItsCounts() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ",\"resultsCount\":12,\"resultsShown\":10"),
                    noResults(1, "{\"searchId\":\"q1\"}"));

            assertThat(searches).containsOnlyKeys("q1");
            assertThat(searches.get("q1").resultsCount()).isZero();
            assertThat(searches.get("q1").resultsShown()).isZero();
        }

        @Test
        @DisplayName("a SEARCH_NO_RESULTS without searchId marks the latest search before it, not an earlier one")
        void noResultsWithoutSearchIdMarksTheLatestSearchBeforeIt() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ",\"resultsCount\":10,\"resultsShown\":10"),
                    search("q2", 5, ",\"resultsCount\":8,\"resultsShown\":8"),
                    noResults(6, "{}"));

            assertThat(searches).containsOnlyKeys("q1", "q2");
            assertThat(searches.get("q1").resultsCount()).isEqualTo(10);
            assertThat(searches.get("q2").resultsCount()).isZero();
            assertThat(searches.get("q2").resultsShown()).isZero();
        }

        @Test
        @DisplayName("a SEARCH_NO_RESULTS of a searchId no search has is itself a search with zero results")
        void noResultsOfAnUnknownSearchIsAZeroResultSearch() {
            SearchQueryView search = fold(
                            true, DESIRED, noResults(3, "{\"searchId\":\"q7\",\"query\":\"oud\",\"resultsCount\":4}"))
                    .queries()
                    .get(0);

            assertThat(search.searchId()).isEqualTo("q7");
            assertThat(search.queryText()).isEqualTo("oud");
            assertThat(search.timestamp()).isEqualTo(C.at(3));
            assertThat(search.resultsCount()).isZero();
            assertThat(search.resultsShown()).isZero();
        }

        @Test
        @DisplayName(
                "a SEARCH_NO_RESULTS without searchId and without an earlier search is a search keyed by its eventId")
        void aLoneNoResultsIsASearchKeyedByItsEventId() {
            UserInteractionEvent noResults = noResults(0, "{}");

            List<SearchQueryView> searches = fold(true, DESIRED, noResults).queries();

            assertThat(searches).singleElement().satisfies(s -> {
                assertThat(s.searchId()).isEqualTo(noResults.eventId());
                assertThat(s.resultsCount()).isZero();
            });
        }
    }

    @Nested
    @DisplayName("SearchQuery.refinedQuery Boolean @default(false)")
    class Refinement {

        @Test
        @DisplayName("SEARCH_REFINED (seed: a Search event) is a SearchQuery of its own, searchType 'refinement',"
                + " linked to the latest search before it, which it marks refined; so it counts in search popularity")
        void aSearchRefinedIsASearchOfItsOwn() {
            UserInteractionEvent refined = refinedEvent(20, "{\"query\":\"rose oud\",\"resultsCount\":4}");
            Map<String, SearchQueryView> searches = byId(true, search("q1", 0, ""), search("q2", 10, ""), refined);

            assertThat(searches).containsOnlyKeys("q1", "q2", refined.eventId());
            SearchQueryView own = searches.get(refined.eventId());
            assertThat(own.queryText()).isEqualTo("rose oud");
            assertThat(own.searchType()).isEqualTo("refinement");
            assertThat(own.refinesSearchId()).isEqualTo("q2");
            assertThat(own.resultsCount()).isEqualTo(4);
            assertThat(own.timestamp()).isEqualTo(C.at(20));
            assertThat(own.refinedQuery()).isFalse();
            assertThat(searches.get("q1").refinedQuery()).isFalse();
            assertThat(searches.get("q2").refinedQuery()).isTrue();
            assertThat(searches.get("q2").refinesSearchId()).isNull();
            assertThat(searches.get("q2").timeOnResults()).isEqualTo(10000);
        }

        @Test
        @DisplayName("a click without searchId after a SEARCH_REFINED belongs to the refined search")
        void aClickAfterASearchRefinedBelongsToIt() {
            UserInteractionEvent refined = refinedEvent(5, "{\"searchId\":\"r1\",\"query\":\"rose oud\"}");
            Map<String, SearchQueryView> searches =
                    byId(true, search("q1", 0, ""), refined, click(C, 7, "{\"position\":2,\"perfumeId\":\"p2\"}"));

            assertThat(searches.get("r1").clickedPositions()).containsExactly(2);
            assertThat(searches.get("r1").abandoned()).isFalse();
            assertThat(searches.get("q1").abandoned()).isTrue();
        }

        @Test
        @DisplayName("a SEARCH_REFINED with the searchId of a SEARCH_PERFORMED is that search, not a second row; it"
                + " still marks the search before it refined")
        void aSearchRefinedOfAPerformedSearchIsNoSecondRow() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    refinedEvent(5, "{\"searchId\":\"q2\",\"query\":\"rose oud\"}"),
                    search("q2", 6, ",\"searchType\":\"refinement\""));

            assertThat(searches).containsOnlyKeys("q1", "q2");
            assertThat(searches.get("q1").refinedQuery()).isTrue();
            assertThat(searches.get("q2").searchType()).isEqualTo("refinement");
        }

        @Test
        @DisplayName("a SEARCH_REFINED after the SEARCH_PERFORMED of its own searchId refines the search before that"
                + " one, not itself")
        void aLateSearchRefinedOfAPerformedSearchDoesNotRefineItself() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    search("q2", 5, ""),
                    refinedEvent(6, "{\"searchId\":\"q2\",\"query\":\"rose oud\"}"));

            assertThat(searches).containsOnlyKeys("q1", "q2");
            assertThat(searches.get("q1").refinedQuery()).isTrue();
            assertThat(searches.get("q2").refinedQuery()).isFalse();
        }

        @Test
        @DisplayName("SearchEvent.searchType: \"initial\" | \"refinement\" | \"suggestion_click\" — kept as the event"
                + " says; 'initial' when it says nothing")
        void theSearchTypeIsTheEventsOrInitial() {
            Map<String, SearchQueryView> searches =
                    byId(true, search("q1", 0, ""), search("q2", 5, ",\"searchType\":\"suggestion_click\""));

            assertThat(searches.get("q1").searchType()).isEqualTo("initial");
            assertThat(searches.get("q2").searchType()).isEqualTo("suggestion_click");
        }

        @ParameterizedTest(name = "searchType {0}, previousQuery {1}: previous search refined = {2}")
        @CsvSource({
            "refinement, rose, true",
            "refinement, , false",
            "suggestion_click, rose, false",
            "initial, rose, false"
        })
        @DisplayName("a search with searchType 'refinement' and a previousQuery marks the search before it")
        void aRefinementSearchMarksThePreviousSearch(String searchType, String previousQuery, boolean refined) {
            String previous = previousQuery == null ? "" : ",\"previousQuery\":\"" + previousQuery + "\"";
            Map<String, SearchQueryView> searches = byId(
                    true, search("q1", 0, ""), search("q2", 5, ",\"searchType\":\"" + searchType + "\"" + previous));

            assertThat(searches.get("q1").refinedQuery()).isEqualTo(refined);
            assertThat(searches.get("q2").refinedQuery()).isFalse();
            assertThat(searches.get("q2").refinesSearchId()).isEqualTo(refined ? "q1" : null);
        }

        @Test
        @DisplayName("a zero-result refinement (SEARCH_NO_RESULTS of its own, searchType 'refinement', previousQuery)"
                + " refines the search before it too")
        void aZeroResultRefinementRefinesThePreviousSearch() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    noResults(
                            5,
                            "{\"searchId\":\"q2\",\"query\":\"rose ouf\",\"searchType\":\"refinement\","
                                    + "\"previousQuery\":\"rose\"}"));

            assertThat(searches.get("q1").refinedQuery()).isTrue();
            assertThat(searches.get("q2").refinesSearchId()).isEqualTo("q1");
            assertThat(searches.get("q2").resultsCount()).isZero();
        }
    }

    @Nested
    @DisplayName("SearchQuery.abandoned Boolean @default(false)")
    class Abandonment {

        @Test
        @DisplayName("a search followed by another search without a click between them is abandoned, even while open")
        void aSearchLeftForAnotherWithoutAClickIsAbandoned() {
            Map<String, SearchQueryView> searches = byId(false, search("q1", 0, ""), search("q2", 10, ""));

            assertThat(searches.get("q1").abandoned()).isTrue();
            assertThat(searches.get("q2").abandoned()).isFalse();
        }

        @ParameterizedTest(name = "closed = {0}")
        @CsvSource({"false, false", "true, true"})
        @DisplayName("the last search without a click is abandoned only once the session is closed")
        void theLastSearchIsAbandonedOnlyOnceClosed(boolean closed, boolean abandoned) {
            assertThat(byId(closed, search("q1", 0, "")).get("q1").abandoned()).isEqualTo(abandoned);
        }

        @Test
        @DisplayName(
                "a click before the next search, or before the session closed, keeps a search from being abandoned")
        void aClickedSearchIsNotAbandoned() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    clickOf("q1", 5, 1, "p1"),
                    search("q2", 10, ""),
                    clickOf("q2", 11, 2, "p2"));

            assertThat(searches.get("q1").abandoned()).isFalse();
            assertThat(searches.get("q2").abandoned()).isFalse();
        }

        @Test
        @DisplayName(
                "a click only after the next results page started (a search or a SEARCH_REFINED) leaves it abandoned")
        void aClickAfterTheNextResultsPageLeavesItAbandoned() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    C.ev(SEARCH_REFINED, 5).path("/search").build(),
                    clickOf("q1", 12, 3, "p3"));

            assertThat(searches.get("q1").abandoned()).isTrue();
            assertThat(searches.get("q1").clickedPositions()).containsExactly(3);
        }
    }

    @Nested
    @DisplayName("SearchQuery.clickedPositions Json // Array of clicked result positions; clickedPerfumes Json")
    class ClickPositions {

        @Test
        @DisplayName("positions and perfumes are kept in click order, a repeated click counted again")
        void clicksInOrderWithRepeats() {
            SearchQueryView search = byId(
                            true,
                            search("q1", 0, ""),
                            clickOf("q1", 2, 3, "p3"),
                            clickOf("q1", 4, 1, "p1"),
                            clickOf("q1", 6, 3, "p3"))
                    .get("q1");

            assertThat(search.clickedPositions()).containsExactly(3, 1, 3);
            assertThat(search.clickedPerfumes()).containsExactly("p3", "p1", "p3");
        }

        @Test
        @DisplayName("a click without searchId and without a search before it belongs to no search: an orphan")
        void aClickBeforeAnySearchIsAnOrphan() {
            UserInteractionEvent early = click(C, 0, "{\"position\":1,\"perfumeId\":\"p1\"}");

            SearchFold.Result result = fold(true, DESIRED, early, search("q1", 5, ""));

            assertThat(result.orphanClicks()).containsExactly(early);
            assertThat(result.queries().get(0).clickedPositions()).isEmpty();
        }
    }

    @Nested
    @DisplayName("SearchQuery.timeToFirstClick Int? // Milliseconds; timeOnResults Int? // Milliseconds")
    class ClickTimes {

        @Test
        @DisplayName("timeToFirstClick is the milliseconds from the search to its earliest click")
        void timeToTheEarliestClick() {
            SearchQueryView search = byId(
                            true, search("q1", 0, ""), clickOf("q1", 5, 2, "p2"), clickOf("q1", 1.234, 7, "p7"))
                    .get("q1");

            assertThat(search.timeToFirstClick()).isEqualTo(1234);
            assertThat(search.clickedPositions()).containsExactly(7, 2);
        }

        @Test
        @DisplayName("a click stamped before its search (clock skew) takes 0 ms, never a negative time")
        void aClickBeforeItsSearchTakesZero() {
            assertThat(byId(true, search("q1", 1, ""), clickOf("q1", 0.5, 1, "p1"))
                            .get("q1")
                            .timeToFirstClick())
                    .isZero();
        }

        @Test
        @DisplayName("without a click, timeToFirstClick is null")
        void noClickNoTime() {
            assertThat(byId(true, search("q1", 0, "")).get("q1").timeToFirstClick())
                    .isNull();
        }

        @Test
        @DisplayName("timeOnResults ends at the first view of another page, not at a view of the results page itself")
        void timeOnResultsEndsAtAViewOfAnotherPage() {
            SearchQueryView search = byId(
                            true,
                            search("q1", 0, ""),
                            C.ev(PAGE_VIEW, 3).path("/search").build(),
                            perfumeEvent(PERFUME_VIEW, 7, "p1"))
                    .get("q1");

            assertThat(search.timeOnResults()).isEqualTo(7000);
        }
    }

    @Nested
    @DisplayName("SearchQuery.foundDesired Boolean @default(false)")
    class FoundDesired {

        @ParameterizedTest(name = "configured {0} ms, viewed {1} ms: found = {2}")
        @CsvSource({
            "30000, 30000, true",
            "30000, 29999, false",
            "30000, 29999.5, false",
            "30000, 30000.25, true",
            "45000, 45000, true",
            "45000, 44999, false"
        })
        @DisplayName("a view of the clicked perfume (PageViewEvent.viewDuration: number // milliseconds, decimals"
                + " included) counts from exactly the configured duration")
        void aViewCountsFromExactlyTheConfiguredDuration(long configured, double viewed, boolean found) {
            SearchFold.Result result = fold(
                    true,
                    Duration.ofMillis(configured),
                    search("q1", 0, ""),
                    clickOf("q1", 2, 1, "p1"),
                    viewed(3, "p1", viewed));

            assertThat(result.queries().get(0).foundDesired()).isEqualTo(found);
        }

        @ParameterizedTest(name = "envelope duration {0} ms: found = {1}")
        @CsvSource({"30000, true", "29999, false"})
        @DisplayName("without viewDuration, the envelope's duration of the view counts")
        void theEnvelopeDurationCountsWithoutViewDuration(int duration, boolean found) {
            SearchFold.Result result = fold(
                    true,
                    DESIRED,
                    search("q1", 0, ""),
                    clickOf("q1", 2, 1, "p1"),
                    C.ev(PERFUME_VIEW, 3)
                            .path("/perfume/p1")
                            .perfumeId("p1")
                            .duration(duration)
                            .build());

            assertThat(result.queries().get(0).foundDesired()).isEqualTo(found);
        }

        @ParameterizedTest(name = "{0}: found = {1}")
        @CsvSource({"WISHLIST_ADD, true", "COLLECTION_ADD, true", "RATING_COMPLETED, true", "REVIEW_SUBMITTED, false"})
        @DisplayName(
                "a wishlist add, collection add or completed rating of the clicked perfume after the click is found")
        void aConversionOfTheClickedPerfumeIsFound(InteractionEventType type, boolean found) {
            Map<String, SearchQueryView> searches =
                    byId(true, search("q1", 0, ""), clickOf("q1", 2, 1, "p1"), perfumeEvent(type, 3, "p1"));

            assertThat(searches.get("q1").foundDesired()).isEqualTo(found);
        }

        @Test
        @DisplayName("a long view or a wishlist add before the click, or of another perfume, is not found")
        void onlyTheClickedPerfumeAfterTheClickCounts() {
            Map<String, SearchQueryView> searches = byId(
                    true,
                    search("q1", 0, ""),
                    viewed(1, "p1", 60000),
                    perfumeEvent(WISHLIST_ADD, 1.5, "p1"),
                    clickOf("q1", 2, 1, "p1"),
                    viewed(3, "p2", 60000),
                    perfumeEvent(WISHLIST_ADD, 4, "p2"));

            assertThat(searches.get("q1").foundDesired()).isFalse();
        }
    }
}
