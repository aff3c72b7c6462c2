package com.newsmell.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A scripted stream of client events: several users and sessions, searches, ratings, wishlist adds and
 * removes, recommendation shows and clicks. Ids are unique to the run; eventIds are fixed so that the
 * stream can be posted twice.
 */
final class ScriptedStream {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String userA = "e2e-user-a-" + run;
    final String userB = "e2e-user-b-" + run;
    final String sessionA1 = "e2e-a1-" + run;
    final String sessionA2 = "e2e-a2-" + run;
    final String sessionB1 = "e2e-b1-" + run;
    final String p1 = "e2e-p1-" + run;
    final String p2 = "e2e-p2-" + run;
    final String p3 = "e2e-p3-" + run;
    final String p4 = "e2e-p4-" + run;
    final String recommendation = "e2e-rec-" + run;
    final String searchA = "e2e-search-a-" + run;
    final String searchB = "e2e-search-b-" + run;
    final Instant start;

    private final List<ObjectNode> events = new ArrayList<>();
    private int second;

    ScriptedStream() {
        this(Instant.now().minus(50, ChronoUnit.MINUTES));
    }

    /** The stream with its first event at {@code start} (one every 10 seconds after). */
    ScriptedStream(Instant start) {
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        // User A, session A1: browse, search, click, rate, wishlist two perfumes, recommendations.
        add(
                sessionA1,
                userA,
                "PAGE_VIEW",
                null,
                "/",
                d -> d.put("title", "Home").put("source", "direct"));
        add(sessionA1, userA, "PERFUME_VIEW", p1, "/perfumes/" + p1, d -> d.put("viewDuration", 12000));
        add(sessionA1, userA, "SEARCH_PERFORMED", null, "/search?q=rose", d -> {
            d.put("searchId", searchA)
                    .put("query", "Rose")
                    .put("resultsCount", 2)
                    .put("resultsShown", 2);
            d.putArray("resultPerfumeIds").add(p1).add(p2);
        });
        add(
                sessionA1,
                userA,
                "SEARCH_RESULT_CLICKED",
                p2,
                "/search?q=rose",
                d -> d.put("searchId", searchA).put("position", 1).put("perfumeId", p2));
        add(sessionA1, userA, "PERFUME_VIEW", p2, "/perfumes/" + p2, d -> d.put("viewDuration", 45000));
        add(
                sessionA1,
                userA,
                "RATING_COMPLETED",
                p2,
                "/perfumes/" + p2,
                d -> d.putObject("ratings").put("overall", 4).put("longevity", 5));
        add(sessionA1, userA, "WISHLIST_ADD", p2, "/perfumes/" + p2, d -> {});
        add(sessionA1, userA, "WISHLIST_ADD", p1, "/perfumes/" + p1, d -> {});
        recommendation(sessionA1, userA, "RECOMMENDATION_SHOWN", p3, 0);
        recommendation(sessionA1, userA, "RECOMMENDATION_SHOWN", p4, 1);
        recommendation(sessionA1, userA, "RECOMMENDATION_CLICKED", p3, 0);

        // User B, session B1: anonymous, then logs in, wishlists p1 and changes their mind; searches.
        add(sessionB1, null, "PAGE_VIEW", null, "/", d -> d.put("source", "search"));
        add(sessionB1, null, "PERFUME_VIEW", p1, "/perfumes/" + p1, d -> d.put("viewDuration", 5000));
        add(sessionB1, userB, "WISHLIST_ADD", p1, "/perfumes/" + p1, d -> {});
        add(sessionB1, userB, "WISHLIST_REMOVE", p1, "/perfumes/" + p1, d -> {});
        add(sessionB1, userB, "SEARCH_PERFORMED", null, "/search?q=oud", d -> {
            d.put("searchId", searchB)
                    .put("query", "oud")
                    .put("resultsCount", 0)
                    .put("resultsShown", 0);
        });

        // User A again, session A2: views p1, takes p2 off the wishlist.
        add(sessionA2, userA, "PERFUME_VIEW", p1, "/perfumes/" + p1, d -> d.put("viewDuration", 3000));
        add(sessionA2, userA, "WISHLIST_REMOVE", p2, "/perfumes/" + p2, d -> {});
    }

    Instant lastTimestampOf(String userId) {
        return events.stream()
                .filter(e -> userId.equals(e.path("userId").asText(null)))
                .map(e -> Instant.parse(e.get("timestamp").asText()))
                .max(Instant::compareTo)
                .orElseThrow();
    }

    Instant timestampOf(int index) {
        return Instant.parse(events.get(index).get("timestamp").asText());
    }

    long eventsOf(String sessionId) {
        return events.stream()
                .filter(e -> sessionId.equals(e.get("sessionId").asText()))
                .count();
    }

    int size() {
        return events.size();
    }

    String batchBody() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return body.toString();
    }

    private void recommendation(String session, String user, String type, String perfume, int position) {
        add(
                session,
                user,
                type,
                perfume,
                "/",
                d -> d.put("algorithm", "hybrid_v2")
                        .put("source", "homepage")
                        .put("position", position)
                        .put("confidence", 0.8)
                        .put("similarityScore", 0.6));
        events.get(events.size() - 1).put("recommendationId", recommendation);
    }

    private void add(
            String session,
            String user,
            String type,
            String perfume,
            String path,
            java.util.function.Consumer<ObjectNode> data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("sessionId", session);
        if (user != null) {
            e.put("userId", user);
        }
        e.put("eventType", type);
        e.put("timestamp", start.plusSeconds(10L * second++).toString());
        e.put("path", path);
        if (perfume != null) {
            e.put("perfumeId", perfume);
        }
        e.put("userAgent", BROWSER);
        ObjectNode eventData = e.putObject("eventData");
        data.accept(eventData);
        completeAsTheSeedRequires(type, eventData);
        events.add(e);
    }

    /** Fills in the fields the seed's interfaces require (ADR 0014) that a step of the script leaves out. */
    static void completeAsTheSeedRequires(String type, ObjectNode d) {
        switch (type) {
            case "PAGE_VIEW", "PERFUME_VIEW", "HOUSE_VIEW" -> {
                putIfAbsent(d, "title", "New Smell");
                putIfAbsent(d, "viewDuration", 1000);
                putIfAbsent(d, "scrollDepth", 50);
                putIfAbsent(d, "source", "direct");
                putIfAbsent(d, "deviceType", "desktop");
                if (!d.has("viewport")) {
                    d.putObject("viewport").put("width", 1280).put("height", 800);
                }
            }
            case "SEARCH_PERFORMED" -> {
                String query = d.path("query").asText("");
                putIfAbsent(d, "queryLength", query.length());
                if (!d.has("queryWords")) {
                    var words = d.putArray("queryWords");
                    for (String word : query.trim().split("\\s+")) {
                        words.add(word);
                    }
                }
                if (!d.has("filters")) {
                    d.putObject("filters");
                }
                d.put("hasResults", d.path("resultsCount").asInt() > 0);
                putIfAbsent(d, "searchType", "initial");
            }
            case "RATING_COMPLETED" -> {
                putIfAbsent(d, "timeToComplete", 20);
                putIfAbsent(d, "categoriesRated", d.path("ratings").size());
                putIfAbsent(d, "edited", false);
                putIfAbsent(d, "source", "detail_page");
                putIfAbsent(d, "hadPreviousRating", false);
            }
            case "COLLECTION_ADD", "COLLECTION_UPDATE", "COLLECTION_REMOVE" -> putIfAbsent(d, "source", "detail_page");
            default -> {}
        }
    }

    private static void putIfAbsent(ObjectNode d, String field, Object value) {
        if (!d.has(field)) {
            d.set(field, JSON.valueToTree(value));
        }
    }
}
