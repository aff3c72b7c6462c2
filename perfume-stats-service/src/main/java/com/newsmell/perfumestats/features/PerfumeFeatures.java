package com.newsmell.perfumestats.features;

import com.newsmell.perfumestats.catalog.CatalogAttributes;
import com.newsmell.perfumestats.stats.PerfumeInteractionStats;
import com.newsmell.perfumestats.weekly.WeeklyTrendRepository.StoredTrend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The seed's PerfumeFeatures of one perfume (README "Perfume features"): its attributes from this service's copy of
 * the catalog, its popularity, quality and market signals from its statistics, and its trends (the weekly growths
 * and the hourly trendingScore). Values are served raw, in the units below; scaling them for a model is the model's
 * business. A perfume without a catalog entry has {@code inCatalog} false and no attributes; one without
 * interactions has counts of 0.
 */
@Schema(
        description = "A perfume's features (the seed's PerfumeFeatures; README \"Perfume features\"). Raw values in"
                + " the units given; bot events are left out of every count.")
public record PerfumeFeatures(
        @Schema(description = "The perfume.") String perfumeId,

        @Schema(
                description = "Whether the service's copy of the catalog has the perfume. False: the attributes"
                        + " (name, houseName, notes, noteCategories, perfumeType, concentration, launchYear, avgPrice,"
                        + " priceCurrency, catalogVersion) are absent, the rest is served.")
        boolean inCatalog,

        @Schema(
                description =
                        "The version of the catalog entry the attributes come from; absent when not in the catalog.")
        Long catalogVersion,

        @Schema(description = "The perfume's name (catalog).")
        String name,

        @Schema(
                description = "The house (brand): the catalog's, else the latest houseId seen on the perfume's events;"
                        + " absent without either.")
        String houseId,

        @Schema(description = "The house's name (catalog).") String houseName,

        @Schema(
                description =
                        "The note IDs of the olfactory pyramid, in the catalog's order (top, heart, base as listed).")
        List<String> notes,

        @Schema(
                description = "The distinct categories of those notes (floral, woody, citrus, …), in the order of"
                        + " their first note.")
        List<String> noteCategories,

        @Schema(description = "The platform's perfume type label, free text (catalog).")
        String perfumeType,

        @Schema(
                description = "The concentration (catalog): extrait-de-parfum, parfum, eau-de-parfum,"
                        + " eau-de-toilette, eau-de-cologne, eau-fraiche, body-mist or perfume-oil.")
        String concentration,

        @Schema(description = "The year of launch (catalog); absent when unknown.")
        Integer launchYear,

        @Schema(
                description = "The catalog price in the base currency (priceCurrency), rounded to cents. The seed's"
                        + " avgPrice: the catalog holds one price per perfume, so it is that price.")
        BigDecimal avgPrice,

        @Schema(description = "The currency of avgPrice: the collector's base currency (ISO 4217, default EUR).")
        String priceCurrency,

        @Schema(description = "PERFUME_VIEW events, all time (the stats' totalViews). Immediate. Count.")
        int viewCount,

        @Schema(
                description = "Distinct viewers (userId, else the session), all time; exact up to ~1,500, an HLL"
                        + " estimate beyond. Count.")
        int uniqueViewers,

        @Schema(description = "(user, perfume) pairs in a wishlist now (the stats' inWishlistCount). Count.")
        int wishlistCount,

        @Schema(description = "(user, perfume) pairs in a collection now (the stats' inCollectionCount). Count.")
        int collectionCount,

        @Schema(
                description = "Mean of the users' latest overall ratings, 1-5 (the stats' avgRating); absent without"
                        + " ratings.")
        Double avgRating,

        @Schema(description = "Users whose latest rating has an overall value (the stats' totalRatings). Count.")
        int ratingCount,

        @Schema(description = "REVIEW_SUBMITTED events, all time (the stats' totalReviews). Count.")
        int reviewCount,

        @Schema(
                description = "Always absent: the contract's review events carry no text and no sentiment"
                        + " (reviewLength and an optional rating only).")
        Double reviewSentiment,

        @Schema(
                description = "Completed trades, all time: TRADE_ACCEPTED events (the stats' tradeCompleted; the seed"
                        + " has no TRADE_COMPLETED). Count.")
        int tradeVolume,

        @Schema(description = "TRADE_INQUIRY events, all time (the stats' tradeInquiries). Count.")
        int tradeInquiries,

        @Schema(
                description = "Searches whose results listed the perfume, all time (the stats' searchImpressions)."
                        + " Count.")
        int searchVolume,

        @Schema(
                description = "Week-over-week growth of the views: (weekViews − previousWeekViews) /"
                        + " max(previousWeekViews, 1), a fraction (0.5 = +50 %, −1 = down to none), for the week"
                        + " starting growthWeekStart; absent before the weekly-trends job analysed the perfume.")
        Double viewGrowth,

        @Schema(
                description = "Week-over-week growth of the wishlist adds: (weekWishlistAdds −"
                        + " previousWeekWishlistAdds) / max(previousWeekWishlistAdds, 1), a fraction; absent before"
                        + " the weekly-trends job analysed the perfume.")
        Double wishlistGrowth,

        @Schema(
                description = "The start (Sunday 00:00 UTC) of the week the growths are of: the latest week the"
                        + " weekly-trends job analysed; the previous week is the 7 days before it.")
        Instant growthWeekStart,

        @Schema(description = "PERFUME_VIEW events in that week: viewGrowth's numerator side. Count.")
        Long weekViews,

        @Schema(description = "PERFUME_VIEW events in the 7 days before it: viewGrowth's denominator side. Count.")
        Long previousWeekViews,

        @Schema(description = "WISHLIST_ADD events in that week (removes not counted). Count.")
        Long weekWishlistAdds,

        @Schema(description = "WISHLIST_ADD events in the 7 days before it. Count.")
        Long previousWeekWishlistAdds,

        @Schema(
                description = "Momentum, as of trendingScoreAsOf (the hourly job): the decayed weighted engagement of"
                        + " the last 168 hours over what the perfume's own 30-day rate predicts (≈1 steady, >1"
                        + " rising, 0 without recent engagement). Dimensionless.")
        double trendingScore,

        @Schema(
                description = "The whole UTC hour trendingScore is as of; absent until the hourly job computed the"
                        + " perfume.")
        Instant trendingScoreAsOf) {

    /**
     * The features from what the service holds about the perfume: its statistics, its catalog entry and its latest
     * weekly trend, each null when there is none (not both the statistics and the catalog entry).
     */
    public static PerfumeFeatures of(
            String perfumeId, PerfumeInteractionStats stats, CatalogAttributes catalog, StoredTrend trend) {
        boolean interacted = stats != null;
        boolean inCatalog = catalog != null;
        return new PerfumeFeatures(
                perfumeId,
                inCatalog,
                inCatalog ? catalog.version() : null,
                inCatalog ? catalog.name() : null,
                inCatalog ? catalog.houseId() : interacted ? stats.houseId : null,
                inCatalog ? catalog.houseName() : null,
                inCatalog ? noteIds(catalog) : null,
                inCatalog ? noteCategories(catalog) : null,
                inCatalog ? catalog.perfumeType() : null,
                inCatalog ? catalog.concentration() : null,
                inCatalog ? catalog.launchYear() : null,
                inCatalog ? catalog.price() : null,
                inCatalog ? catalog.currency() : null,
                interacted ? stats.totalViews : 0,
                interacted ? stats.uniqueViewers : 0,
                interacted ? stats.inWishlistCount : 0,
                interacted ? stats.inCollectionCount : 0,
                interacted ? stats.avgRating : null,
                interacted ? stats.totalRatings : 0,
                interacted ? stats.totalReviews : 0,
                null,
                interacted ? stats.tradeCompleted : 0,
                interacted ? stats.tradeInquiries : 0,
                interacted ? stats.searchImpressions : 0,
                trend == null ? null : trend.viewGrowth(),
                trend == null ? null : trend.wishlistGrowth(),
                trend == null ? null : trend.weekStart(),
                trend == null ? null : trend.counts().views(),
                trend == null ? null : trend.counts().previousViews(),
                trend == null ? null : trend.counts().wishlistAdds(),
                trend == null ? null : trend.counts().previousWishlistAdds(),
                interacted ? stats.trendingScore : 0,
                interacted ? stats.windowsAsOf : null);
    }

    private static List<String> noteIds(CatalogAttributes catalog) {
        return catalog.notes().stream().map(CatalogAttributes.Note::noteId).toList();
    }

    /** The notes' distinct categories, in the order of their first note; notes without a category are skipped. */
    static List<String> noteCategories(CatalogAttributes catalog) {
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        catalog.notes().stream()
                .map(CatalogAttributes.Note::category)
                .filter(Objects::nonNull)
                .forEach(categories::add);
        return List.copyOf(categories);
    }
}
