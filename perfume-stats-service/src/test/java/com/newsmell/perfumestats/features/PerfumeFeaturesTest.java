package com.newsmell.perfumestats.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.perfumestats.catalog.CatalogAttributes;
import com.newsmell.perfumestats.catalog.CatalogAttributes.Note;
import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import com.newsmell.perfumestats.weekly.WeeklyTrend;
import com.newsmell.perfumestats.weekly.WeeklyTrendRepository.StoredTrend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed, PerfumeFeatures: which source answers each feature ({@link PerfumeFeatures#of}). */
class PerfumeFeaturesTest {

    private static final Instant WEEK = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant HOUR = Instant.parse("2026-03-08T05:00:00Z");

    private static CatalogAttributes catalog() {
        return new CatalogAttributes(
                3,
                "Velvet Oud",
                "h-catalog",
                "Maison Lumiere",
                List.of(
                        new Note("note-bergamot", "top", "citrus"),
                        new Note("note-rose", "heart", "floral"),
                        new Note("note-jasmine", "heart", "floral"),
                        new Note("note-oud", "base", "woody")),
                "Eau de Parfum",
                "eau-de-parfum",
                2019,
                new BigDecimal("92.50"),
                "EUR");
    }

    private static PerfumeInteractionStats stats() {
        PerfumeInteractionStats s = new PerfumeInteractionStats();
        s.perfumeId = "p-1";
        s.houseId = "h-events";
        s.totalViews = 5;
        s.uniqueViewers = 3;
        s.inWishlistCount = 2;
        s.inCollectionCount = 1;
        s.avgRating = 4.5;
        s.totalRatings = 2;
        s.totalReviews = 1;
        s.tradeCompleted = 1;
        s.tradeInquiries = 4;
        s.searchImpressions = 7;
        s.trendingScore = 1.25;
        s.windowsAsOf = HOUR;
        return s;
    }

    private static StoredTrend trend() {
        return new StoredTrend(WEEK, new WeeklyTrend("p-1", 3, 2, 2, 1), 0.5, 1.0);
    }

    @Test
    @DisplayName("PerfumeFeatures: attributes from the catalog, signals from the statistics, trends from the jobs")
    void everySourceAnswersItsFeatures() {
        PerfumeFeatures f = PerfumeFeatures.of("p-1", stats(), catalog(), trend());

        assertThat(f.inCatalog()).isTrue();
        assertThat(f.catalogVersion()).isEqualTo(3L);
        assertThat(f.name()).isEqualTo("Velvet Oud");
        assertThat(f.houseId()).isEqualTo("h-catalog"); // the catalog's, not the events'
        assertThat(f.houseName()).isEqualTo("Maison Lumiere");
        assertThat(f.notes()).containsExactly("note-bergamot", "note-rose", "note-jasmine", "note-oud");
        assertThat(f.noteCategories()).containsExactly("citrus", "floral", "woody");
        assertThat(f.perfumeType()).isEqualTo("Eau de Parfum");
        assertThat(f.concentration()).isEqualTo("eau-de-parfum");
        assertThat(f.launchYear()).isEqualTo(2019);
        assertThat(f.avgPrice()).isEqualByComparingTo("92.50");
        assertThat(f.priceCurrency()).isEqualTo("EUR");
        assertThat(List.of(f.viewCount(), f.uniqueViewers(), f.wishlistCount(), f.collectionCount()))
                .containsExactly(5, 3, 2, 1);
        assertThat(f.avgRating()).isEqualTo(4.5);
        assertThat(List.of(f.ratingCount(), f.reviewCount(), f.tradeVolume(), f.tradeInquiries(), f.searchVolume()))
                .containsExactly(2, 1, 1, 4, 7);
        assertThat(f.reviewSentiment()).isNull();
        assertThat(f.viewGrowth()).isEqualTo(0.5);
        assertThat(f.wishlistGrowth()).isEqualTo(1.0);
        assertThat(f.growthWeekStart()).isEqualTo(WEEK);
        assertThat(List.of(f.weekViews(), f.previousWeekViews(), f.weekWishlistAdds(), f.previousWeekWishlistAdds()))
                .containsExactly(3L, 2L, 2L, 1L);
        assertThat(f.trendingScore()).isEqualTo(1.25);
        assertThat(f.trendingScoreAsOf()).isEqualTo(HOUR);
    }

    @Test
    @DisplayName("PerfumeFeatures without a catalog entry: inCatalog false, no attributes, the house seen on events")
    void withoutACatalogEntryTheAttributesAreAbsent() {
        PerfumeFeatures f = PerfumeFeatures.of("p-1", stats(), null, trend());

        assertThat(f.inCatalog()).isFalse();
        assertThat(f.houseId()).isEqualTo("h-events");
        assertThat(f.catalogVersion()).isNull();
        assertThat(f.name()).isNull();
        assertThat(f.houseName()).isNull();
        assertThat(f.notes()).isNull();
        assertThat(f.noteCategories()).isNull();
        assertThat(f.perfumeType()).isNull();
        assertThat(f.concentration()).isNull();
        assertThat(f.launchYear()).isNull();
        assertThat(f.avgPrice()).isNull();
        assertThat(f.priceCurrency()).isNull();
        assertThat(f.viewCount()).isEqualTo(5);
        assertThat(f.viewGrowth()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("PerfumeFeatures of a catalog perfume nobody interacted with: counts 0, no rating, score 0, no growth")
    void aCatalogPerfumeWithoutInteractionsHasZeroCounts() {
        PerfumeFeatures f = PerfumeFeatures.of("p-1", null, catalog(), null);

        assertThat(f.inCatalog()).isTrue();
        assertThat(f.houseId()).isEqualTo("h-catalog");
        assertThat(List.of(
                        f.viewCount(),
                        f.uniqueViewers(),
                        f.wishlistCount(),
                        f.collectionCount(),
                        f.ratingCount(),
                        f.reviewCount(),
                        f.tradeVolume(),
                        f.tradeInquiries(),
                        f.searchVolume()))
                .containsOnly(0);
        assertThat(f.avgRating()).isNull();
        assertThat(f.trendingScore()).isZero();
        assertThat(f.trendingScoreAsOf()).isNull();
        assertThat(f.viewGrowth()).isNull();
        assertThat(f.wishlistGrowth()).isNull();
        assertThat(f.growthWeekStart()).isNull();
        assertThat(f.weekViews()).isNull();
    }

    @Test
    @DisplayName("PerfumeFeatures.noteCategories: distinct, in the order of their first note; empty without notes")
    void noteCategoriesAreDistinctInOrder() {
        CatalogAttributes c = catalog();
        CatalogAttributes noNotes =
                new CatalogAttributes(1, "n", "h", "H", List.of(), "t", "parfum", null, BigDecimal.ONE, "EUR");
        assertThat(PerfumeFeatures.noteCategories(c)).containsExactly("citrus", "floral", "woody");
        assertThat(PerfumeFeatures.of("p", null, noNotes, null).notes()).isEmpty();
        assertThat(PerfumeFeatures.of("p", null, noNotes, null).noteCategories())
                .isEmpty();
        assertThat(PerfumeFeatures.of("p", null, noNotes, null).launchYear()).isNull();
    }
}
