package com.newsmell.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.newsmell.contract.DeadLetterHeaders;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checks of a service's copy of the perfume catalog (issue #11, ADR 0016), against the run's real broker and the
 * service's database: upsert by perfumeId, an older version ignored, a tombstone deletes, idempotent, a record it
 * cannot process dead-lettered with its reason. A service's test extends it as a {@code @QuarkusTest}.
 */
public abstract class CatalogCopyTests {

    /** The service's database (its test resource's). */
    protected abstract String database();

    /** The consumer's {@code dead-letter-source}. */
    protected abstract String source();

    public static String entry(String perfumeId, long version, String name, String amount) {
        return "{\"perfumeId\":\"" + perfumeId + "\",\"name\":\"" + name + "\",\"houseId\":\"h-1\","
                + "\"houseName\":\"Maison Lumiere\",\"notes\":["
                + "{\"noteId\":\"note-rose\",\"name\":\"rose\",\"layer\":\"heart\",\"category\":\"floral\"}],"
                + "\"perfumeType\":\"Eau de Parfum\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
                + "\"price\":{\"amount\":" + amount + ",\"currency\":\"EUR\"},"
                + "\"originalPrice\":{\"amount\":100,\"currency\":\"USD\"},\"version\":" + version + "}";
    }

    private static void write(String key, String... values) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
        }
        TopicReader.write(Infra.shared().topic(ServiceConfig.PERFUME_CATALOG), records);
    }

    private List<Map<String, Object>> row(String perfumeId) {
        return Sql.query(
                database(),
                "select version, name, price_amount, price_currency, launch_year, notes::text as notes"
                        + " from perfume_catalog where perfume_id = ?",
                perfumeId);
    }

    @Test
    void upsertsByPerfumeIdAndIgnoresAnOlderVersion() {
        String id = "p-" + UUID.randomUUID();
        // v1, v3, then a late v2 and a redelivered v3: the newest version wins, whatever the order.
        write(id, entry(id, 1, "First", "10"), entry(id, 3, "Third", "92.5"), entry(id, 2, "Second", "50"));
        write(id, entry(id, 3, "Third", "92.5"));
        String marker = "p-" + UUID.randomUUID();
        write(marker, entry(marker, 1, "Marker", "1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> row(marker).size() == 1);
        List<Map<String, Object>> rows = row(id);
        assertEquals(1, rows.size());
        Map<String, Object> row = rows.get(0);
        assertEquals(3, ((Number) row.get("version")).longValue());
        assertEquals("Third", row.get("name"));
        assertEquals(0, new BigDecimal(row.get("price_amount").toString()).compareTo(new BigDecimal("92.50")));
        assertEquals("EUR", row.get("price_currency"));
        assertEquals(2019, ((Number) row.get("launch_year")).intValue());
        assertTrue(
                row.get("notes").toString().contains("\"layer\": \"heart\""),
                row.get("notes").toString());
        assertTrue(
                row.get("notes").toString().contains("\"category\": \"floral\""),
                row.get("notes").toString());
    }

    @Test
    void aTombstoneDeletesThePerfume() {
        String id = "p-" + UUID.randomUUID();
        write(id, entry(id, 1, "Gone soon", "10"));
        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).size() == 1);

        write(id, (String) null);

        await().atMost(Duration.ofSeconds(30)).until(() -> row(id).isEmpty());
    }

    @Test
    void aRecordItCannotProcessIsDeadLetteredWithItsReason() {
        String id = "p-" + UUID.randomUUID();
        write(id, "not json " + id, entry(id, 1, "Bad layer", "10").replace("\"heart\"", "\"middle\""));
        write("another-key", entry(id, 1, "Wrong key", "10"));

        List<String> reasons = ConsumerChecks.awaitDeadLetters(id, source(), 3).stream()
                .map(r -> r.headers().get(DeadLetterHeaders.REASON))
                .toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("/notes/0/layer [enum]")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("/perfumeId [mismatch]")), reasons.toString());
        assertTrue(row(id).isEmpty());
    }
}
