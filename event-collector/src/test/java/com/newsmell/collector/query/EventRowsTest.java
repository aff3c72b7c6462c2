package com.newsmell.collector.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.http.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Raw-store rows as the read API answers them, pure (the rows are built here, not read). */
class EventRowsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static UserInteractionEventEntity row(int second) {
        UserInteractionEventEntity row = new UserInteractionEventEntity();
        row.eventId = UUID.nameUUIDFromBytes(("row-" + second).getBytes());
        row.schemaVersion = 1;
        row.sessionId = "s-1";
        row.eventType = "PAGE_VIEW";
        row.eventCategory = "VIEW";
        row.timestamp = T0.plusSeconds(second);
        row.clientTimestamp = T0.plusSeconds(second);
        row.receivedAt = T0.plusSeconds(second + 1);
        row.eventData = "{\"title\":\"Perfumes\"}";
        row.path = "/perfumes";
        return row;
    }

    // Seed, UserInteractionEvent: every field of the model (and the collector's enrichment) reads back as stored.
    @Test
    void everyColumnReadsBackAsTheContractsField() {
        UserInteractionEventEntity row = row(0);
        row.userId = "u-1";
        row.eventType = "RATING_COMPLETED";
        row.eventCategory = "RATING";
        row.clientTimestamp = T0.minusSeconds(7200);
        row.sentAt = T0.minusSeconds(7199);
        row.perfumeId = "p-1";
        row.houseId = "h-1";
        row.noteId = "n-1";
        row.recommendationId = "r-1";
        row.eventData = "{\"ratings\":{\"overall\":5}}";
        row.deviceType = "mobile";
        row.browser = "Safari";
        row.os = "iOS";
        row.isBot = true;
        row.botReason = "declared by the client";
        row.userAgent = "agent/1.0";
        row.referrer = "https://example.org/";
        row.ipPrefix = "203.0.113.0/24";
        row.location = "FR";
        row.duration = 1500;
        row.value = 5.0;
        row.pageScrollPosition = 1234.5;
        row.timeOnPage = 5678.25;

        UserInteractionEvent event = EventRows.toEvent(row);

        assertThat(event.eventId()).isEqualTo(row.eventId.toString());
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.userId()).isEqualTo("u-1");
        assertThat(event.sessionId()).isEqualTo("s-1");
        assertThat(event.eventType()).isEqualTo(InteractionEventType.RATING_COMPLETED);
        assertThat(event.eventCategory()).isEqualTo(InteractionCategory.RATING);
        assertThat(event.timestamp()).isEqualTo(T0);
        assertThat(event.clientTimestamp()).isEqualTo(T0.minusSeconds(7200));
        assertThat(event.sentAt()).isEqualTo(T0.minusSeconds(7199));
        assertThat(event.receivedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(List.of(event.perfumeId(), event.houseId(), event.noteId(), event.recommendationId()))
                .containsExactly("p-1", "h-1", "n-1", "r-1");
        assertThat(event.eventData().at("/ratings/overall").asInt()).isEqualTo(5);
        assertThat(List.of(event.deviceType(), event.browser(), event.os())).containsExactly("mobile", "Safari", "iOS");
        assertThat(event.isBot()).isTrue();
        assertThat(event.botReason()).isEqualTo("declared by the client");
        assertThat(List.of(event.userAgent(), event.referrer(), event.path()))
                .containsExactly("agent/1.0", "https://example.org/", "/perfumes");
        assertThat(List.of(event.ipPrefix(), event.location())).containsExactly("203.0.113.0/24", "FR");
        assertThat(event.duration()).isEqualTo(1500);
        assertThat(event.value()).isEqualTo(5.0);
        // Seed, EngagementEvent: "pageScrollPosition: number", "timeOnPage: number", on the event (ADR 0014).
        assertThat(List.of(event.pageScrollPosition(), event.timeOnPage())).containsExactly(1234.5, 5678.25);
    }

    // Seed, UserInteractionEvent: "userId String? // Nullable for anonymous users", "duration Int?", "value Float?":
    // absent stays absent.
    @Test
    void optionalColumnsStayAbsent() {
        UserInteractionEvent event = EventRows.toEvent(row(0));
        assertThat(event.userId()).isNull();
        assertThat(event.sentAt()).isNull();
        assertThat(event.duration()).isNull();
        assertThat(event.value()).isNull();
        assertThat(event.pageScrollPosition()).isNull();
        assertThat(event.timeOnPage()).isNull();
        assertThat(event.isBot()).isFalse();
    }

    // Seed, UserInteractionEvent: "eventData Json" (never absent): a missing or non-object value reads as {}.
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"null", "[1,2]", "\"text\"", "{broken"})
    void eventDataThatIsNotAnObjectReadsAsEmpty(String stored) {
        UserInteractionEventEntity row = row(0);
        row.eventData = stored;
        assertThat(EventRows.toEvent(row).eventData()).isEmpty();
    }

    // ADR 0007: "A page ... is one Page (items, nextCursor), built by Page.of from rows fetched with limit + 1":
    // no further row, no next cursor.
    @ParameterizedTest
    @CsvSource({"0, 3", "2, 3", "3, 3"})
    void aLastPageHasNoNextCursor(int rows, int size) {
        Page<ObjectNode> page = EventRows.page(rows(rows), size);
        assertThat(page.items()).hasSize(rows);
        assertThat(page.nextCursor()).isNull();
    }

    // ADR 0007: "... from rows fetched with limit + 1": the extra row is not shown; the cursor is the last shown.
    @Test
    void aFullPageEndsWithTheCursorOfItsLastRow() {
        List<UserInteractionEventEntity> rows = rows(4);
        Page<ObjectNode> page = EventRows.page(rows, 3);
        assertThat(page.items()).hasSize(3);
        assertThat(page.items().get(2).get("eventId").asText())
                .isEqualTo(rows.get(2).eventId.toString());
        assertThat(EventQuery.Cursor.decode(page.nextCursor()))
                .isEqualTo(new EventQuery.Cursor(rows.get(2).timestamp, rows.get(2).eventId));
    }

    // Seed, UserInteractionEvent: the items are the model's events, in the rows' (timestamp, eventId) order.
    @Test
    void itemsAreTheEventsInRowOrder() {
        Page<ObjectNode> page = EventRows.page(rows(2), 5);
        assertThat(page.items().get(0).get("timestamp").asText()).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(page.items().get(1).get("timestamp").asText()).isEqualTo("2026-03-01T12:00:01.000Z");
        assertThat(page.items().get(0).get("eventData").get("title").asText()).isEqualTo("Perfumes");
    }

    // ADR 0015: "Instants: UTC, exactly three fractional digits"; the cursor keeps the stored microseconds, so that
    // two events within one millisecond are neither skipped nor repeated.
    @Test
    void instantsHaveExactlyThreeFractionalDigitsAndTheCursorKeepsMicroseconds() {
        UserInteractionEventEntity row = row(0);
        row.timestamp = Instant.parse("2026-03-01T12:00:00.123456Z");
        row.clientTimestamp = Instant.parse("2026-03-01T12:00:00Z");
        row.sentAt = Instant.parse("2026-03-01T12:00:00.5Z");
        row.receivedAt = Instant.parse("2026-03-01T12:00:01.000999Z");
        Page<ObjectNode> page = EventRows.page(List.of(row, row(5)), 1);
        ObjectNode item = page.items().get(0);
        assertThat(item.get("timestamp").asText()).isEqualTo("2026-03-01T12:00:00.123Z");
        assertThat(item.get("clientTimestamp").asText()).isEqualTo("2026-03-01T12:00:00.000Z");
        assertThat(item.get("sentAt").asText()).isEqualTo("2026-03-01T12:00:00.500Z");
        assertThat(item.get("receivedAt").asText()).isEqualTo("2026-03-01T12:00:01.000Z");
        assertThat(EventQuery.Cursor.decode(page.nextCursor()).timestamp())
                .isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
    }

    // ADR 0015: "a field without a value is left out, never null".
    @Test
    void absentFieldsAreLeftOut() {
        ObjectNode item = EventRows.item(row(0));
        assertThat(item.has("userId")).isFalse();
        assertThat(item.has("sentAt")).isFalse();
        assertThat(item.has("duration")).isFalse();
        assertThat(item.findValues("userId")).isEmpty();
    }

    private static List<UserInteractionEventEntity> rows(int n) {
        return new ArrayList<>(
                IntStream.range(0, n).mapToObj(EventRowsTest::row).toList());
    }
}
