package com.newsmell.profile.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.calculation.BrowsingStyle;
import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.calculation.Counted;
import com.newsmell.profile.calculation.PriceRange;
import com.newsmell.profile.calculation.Weighted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The save statement's rows (one JSON array, the nested lists as JSON text in strings), pure. */
class ProfileJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ComputedProfile profile(String userId, String odd, Double avgRating, double gap) {
        return new ComputedProfile(
                userId,
                List.of(new Weighted("note-1", 1.0), new Weighted(odd, 1.0E-4)),
                List.of(new Weighted("house-\"q\"", 0.5)),
                avgRating == null
                        ? null
                        : new PriceRange(new BigDecimal("20.00"), new BigDecimal("310.5"), new BigDecimal("99.125")),
                List.of(new Counted("Eau de Parfum", 3)),
                30,
                900,
                55,
                40,
                12,
                61_234.5,
                3,
                avgRating,
                1,
                null,
                2,
                1,
                0,
                new long[24],
                new long[] {1, 2, 3, 4, 5, 6, 7},
                List.of(new Counted(odd, 2), new Counted("rose", 1)),
                avgRating == null ? null : BrowsingStyle.explorer,
                91.25,
                gap,
                LocalDate.parse("2026-11-07"),
                LocalDate.parse("2026-09-08"));
    }

    @Test
    @DisplayName("each row's columns, the nested lists as the JSON text the API reads back, odd strings intact")
    void rows() throws Exception {
        String odd = "a\"b\\c/é\u0001\n😀";
        List<ComputedProfile> profiles =
                List.of(profile("user-1", odd, 4.25, 7.0), profile("user-\"2\"", "plain", null, Double.NaN));

        JsonNode rows = MAPPER.readTree(ProfileJson.rows(profiles, Instant.parse("2026-12-06T02:00:00Z"), "job-run:7"));

        assertThat(rows).hasSize(2);
        JsonNode first = rows.get(0);
        assertThat(first.get("user_id").asText()).isEqualTo("user-1");
        assertThat(first.get("total_page_views").asLong()).isEqualTo(900);
        assertThat(first.get("avg_session_duration_ms").asDouble()).isEqualTo(61_234.5);
        assertThat(first.get("avg_rating_value").asDouble()).isEqualTo(4.25);
        assertThat(first.get("avg_review_length").isNull()).isTrue();
        assertThat(first.get("browsing_style").asText()).isEqualTo("explorer");
        assertThat(first.get("as_of").asText()).isEqualTo("2026-12-06T02:00:00Z");
        assertThat(first.get("computed_by").asText()).isEqualTo("job-run:7");
        assertThat(first.get("window_start").asText()).isEqualTo("2026-11-07");
        String notes = first.get("preferred_notes").asText();
        assertThat(notes).isEqualTo(ProfileJson.weights(profiles.get(0).preferredNotes(), "noteId"));
        assertThat(ProfileJson.weights(notes, "noteId"))
                .isEqualTo(profiles.get(0).preferredNotes());
        assertThat(ProfileJson.weights(first.get("preferred_houses").asText(), "houseId"))
                .isEqualTo(profiles.get(0).preferredHouses());
        assertThat(ProfileJson.counted(first.get("search_patterns").asText(), "term"))
                .isEqualTo(profiles.get(0).searchPatterns());
        assertThat(ProfileJson.counted(first.get("preferred_perfume_types").asText(), "perfumeType"))
                .isEqualTo(profiles.get(0).preferredPerfumeTypes());
        assertThat(ProfileJson.counts(first.get("active_days_of_week").asText()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(first.get("preferred_price_range").asText())
                .isEqualTo("{\"min\":20.00,\"max\":310.5,\"average\":99.125}");

        JsonNode second = rows.get(1);
        assertThat(second.get("user_id").asText()).isEqualTo("user-\"2\"");
        assertThat(second.get("avg_rating_value").isNull()).isTrue();
        assertThat(second.get("preferred_price_range").isNull()).isTrue();
        assertThat(second.get("browsing_style").isNull()).isTrue();
        assertThat(second.get("usual_gap_days").asText()).isEqualTo("NaN");
    }

    @Test
    @DisplayName("no profiles: an empty array")
    void empty() {
        assertThat(ProfileJson.rows(List.of(), Instant.EPOCH, "recompute")).isEqualTo("[]");
    }
}
