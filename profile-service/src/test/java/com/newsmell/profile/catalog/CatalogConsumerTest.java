package com.newsmell.profile.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.profile.ProfileTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: profile-service keeps its own copy of the catalog, from the compacted perfume-catalog topic, against the
 * real broker and database: upsert by perfumeId, an older version ignored, a tombstone deletes, idempotent, a record
 * it cannot process dead-lettered with its reason.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class CatalogConsumerTest {

    static String topic() {
        return Infra.shared().topic(ServiceConfig.PERFUME_CATALOG);
    }

    static String entry(String perfumeId, long version, String name, String amount) {
        return "{\"perfumeId\":\"" + perfumeId + "\",\"name\":\"" + name + "\",\"houseId\":\"h-1\","
                + "\"houseName\":\"Maison Lumiere\",\"notes\":["
                + "{\"noteId\":\"note-rose\",\"name\":\"rose\",\"layer\":\"heart\",\"category\":\"floral\"}],"
                + "\"perfumeType\":\"Eau de Parfum\",\"concentration\":\"eau-de-parfum\",\"launchYear\":2019,"
                + "\"price\":{\"amount\":" + amount + ",\"currency\":\"EUR\"},"
                + "\"originalPrice\":{\"amount\":100,\"currency\":\"USD\"},\"version\":" + version + "}";
    }

    private static void write(String key, String... values) {
        List<Map.Entry<String, String>> records = new java.util.ArrayList<>();
        for (String value : values) {
            records.add(new SimpleEntry<>(key, value));
        }
        TopicReader.write(topic(), records);
    }

    private static List<Map<String, Object>> row(String perfumeId) {
        return Sql.query(
                ProfileTestResource.DATABASE,
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
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(3);
        assertThat(row.get("name")).isEqualTo("Third");
        assertThat(new BigDecimal(row.get("price_amount").toString())).isEqualByComparingTo("92.50");
        assertThat(row.get("price_currency")).isEqualTo("EUR");
        assertThat(((Number) row.get("launch_year")).intValue()).isEqualTo(2019);
        assertThat(row.get("notes").toString()).contains("\"layer\": \"heart\"", "\"category\": \"floral\"");
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

        List<TopicReader.Read> dead = ConsumerChecks.awaitDeadLetters(id, CatalogConsumer.SOURCE, 3);
        assertThat(dead)
                .extracting(r -> r.headers().get(DeadLetterHeaders.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("/notes/0/layer [enum]"))
                .anySatisfy(reason -> assertThat(reason).contains("/perfumeId [mismatch]"));
        assertThat(row(id)).isEmpty();
    }
}
