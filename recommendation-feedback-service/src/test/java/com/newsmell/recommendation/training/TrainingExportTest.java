package com.newsmell.recommendation.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.Ledger;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The training-data lines, pure. */
class TrainingExportTest {

    @Test
    @DisplayName("pseudonyms: keyed, stable, 128 bits, users and anonymous ids never collide")
    void pseudonyms() {
        String a = TrainingExport.pseudonym("k1", "user:u-1");
        assertThat(a).hasSize(32).isEqualTo(TrainingExport.pseudonym("k1", "user:u-1"));
        assertThat(TrainingExport.pseudonym("k2", "user:u-1")).isNotEqualTo(a);
        assertThat(TrainingExport.pseudonym("k1", "anonymous:u-1")).isNotEqualTo(a);
    }

    @Test
    @DisplayName("a line: the impression's features, the labels, no raw user id")
    void aLine() throws Exception {
        AttributedRow row = new AttributedRow(
                Ledger.impression(7, "hybrid", "search", 1, true, true, "u-1", Instant.parse("2026-05-04T09:00:00Z")),
                new Outcome(true, null, true, false, false, null, false, null));
        String line =
                TrainingExport.line(row, new PositionBias.Propensities(Map.of("search", Map.of(1, 0.5)), 0.05), "key");
        JsonNode n = new ObjectMapper().readTree(line);

        assertThat(line).doesNotContain("u-1");
        assertThat(n.path("viewer").asText()).isEqualTo(TrainingExport.pseudonym("key", "user:u-1"));
        assertThat(n.path("algorithm").asText()).isEqualTo("hybrid");
        assertThat(n.path("position").asInt()).isEqualTo(1);
        assertThat(n.path("randomized").asBoolean()).isTrue();
        assertThat(n.path("propensity").asDouble()).isEqualTo(0.5);
        assertThat(n.path("hourOfDayUtc").asInt()).isEqualTo(9);
        assertThat(n.path("dayOfWeekUtc").asInt()).isEqualTo(1);
        assertThat(n.path("clicked").asBoolean()).isTrue();
        assertThat(n.path("converted").asBoolean()).isTrue();
        assertThat(n.path("negativeFeedback").asBoolean()).isFalse();
        assertThat(n.path("timeToClickMs").asLong()).isEqualTo(2000);
        assertThat(TrainingExport.body(List.of(row, row), new PositionBias.Propensities(Map.of(), 0.05), "key"))
                .hasLineCount(2)
                .endsWith("\n");
    }

    @Test
    @DisplayName("an erased viewer's lines leave an export; the others stay as they were, in their order")
    void withoutAViewer() {
        String body = "{\"viewer\":\"a\",\"n\":1}\n{\"viewer\":\"b\",\"n\":2}\n{\"viewer\":\"a\",\"n\":3}\n"
                + "{\"viewer\":\"c\",\"n\":4}\n";
        TrainingExport.Rewritten r = TrainingExport.without(body, java.util.Set.of("a", "c"));
        assertThat(r.body()).isEqualTo("{\"viewer\":\"b\",\"n\":2}\n");
        assertThat(r.rows()).isOne();
        assertThat(r.removed()).isEqualTo(3);
        TrainingExport.Rewritten none = TrainingExport.without(body, java.util.Set.of("z"));
        assertThat(none.body()).isEqualTo(body);
        assertThat(none.removed()).isZero();
        assertThat(TrainingExport.without("", java.util.Set.of("a")).rows()).isZero();
    }
}
