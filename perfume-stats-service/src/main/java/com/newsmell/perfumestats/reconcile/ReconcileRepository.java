package com.newsmell.perfumestats.reconcile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation's reads: every {@link ReconciledField} derived again from the daily buckets
 * ({@code perfume_daily_bucket}), the memberships ({@code membership}) and the ratings ({@code perfume_rating}),
 * next to the stored value in {@code perfume_interaction_stats}.
 */
@ApplicationScoped
public class ReconcileRepository {

    private static final String DERIVED_FROM = """
             from perfume_interaction_stats s
             left join (select perfume_id, sum(views) as views, sum(view_duration_sum) as view_duration_sum,
                          sum(view_duration_count) as view_duration_count, sum(reviews) as reviews,
                          sum(trade_inquiries) as trade_inquiries, sum(trade_completed) as trade_completed,
                          sum(search_impressions) as search_impressions, sum(search_clicks) as search_clicks,
                          sum(recommendation_imprs) as recommendation_imprs,
                          sum(recommendation_clicks) as recommendation_clicks
                        from perfume_daily_bucket %1$s group by perfume_id) d on d.perfume_id = s.perfume_id
             left join (select perfume_id,
                          count(*) filter (where in_list and list_kind = 'wishlist') as wishlist,
                          count(*) filter (where in_list and list_kind = 'collection') as collection
                        from membership %1$s group by perfume_id) m on m.perfume_id = s.perfume_id
             left join (select perfume_id, count(overall) as overall_count, sum(overall) as overall_sum,
                          count(longevity) as longevity_count, sum(longevity) as longevity_sum,
                          count(sillage) as sillage_count, sum(sillage) as sillage_sum,
                          count(price_value) as price_value_count, sum(price_value) as price_value_sum,
                          count(gender) as gender_count, sum(gender) as gender_sum
                        from perfume_rating %1$s group by perfume_id) r on r.perfume_id = s.perfume_id
             where true %2$s
            """;

    /** The perfumes whose stored counters differ from the derived ones, read without locks. */
    @WithSession
    public Uni<List<String>> driftedPerfumeIds() {
        StringBuilder differs = new StringBuilder();
        for (ReconciledField f : ReconciledField.values()) {
            differs.append(differs.length() == 0 ? "" : " or ")
                    .append("s.")
                    .append(column(f))
                    .append(" <> ")
                    .append(derived(f));
        }
        String sql = "select s.perfume_id" + DERIVED_FROM.formatted("", " and (" + differs + ")");
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, String.class).getResultList());
    }

    /** The derived counters of the given perfumes, per perfumeId. */
    @WithSession
    public Uni<Map<String, Map<ReconciledField, BigDecimal>>> derive(List<String> perfumeIds) {
        StringBuilder select = new StringBuilder("select s.perfume_id");
        for (ReconciledField f : ReconciledField.values()) {
            select.append(", cast(").append(derived(f)).append(" as numeric)");
        }
        String sql = select + DERIVED_FROM.formatted("where perfume_id in (:ids)", " and s.perfume_id in (:ids)");
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter("ids", perfumeIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, Map<ReconciledField, BigDecimal>> byPerfume = new HashMap<>();
                    for (Object[] row : rows) {
                        Map<ReconciledField, BigDecimal> values = new EnumMap<>(ReconciledField.class);
                        for (ReconciledField f : ReconciledField.values()) {
                            values.put(f, (BigDecimal) row[f.ordinal() + 1]);
                        }
                        byPerfume.put((String) row[0], values);
                    }
                    return byPerfume;
                });
    }

    /** The field's column in perfume_interaction_stats. */
    private static String column(ReconciledField f) {
        return switch (f) {
            case TOTAL_VIEWS -> "total_views";
            case VIEW_DURATION_SUM -> "view_duration_sum";
            case VIEW_DURATION_COUNT -> "view_duration_count";
            case TOTAL_REVIEWS -> "total_reviews";
            case TRADE_INQUIRIES -> "trade_inquiries";
            case TRADE_COMPLETED -> "trade_completed";
            case SEARCH_IMPRESSIONS -> "search_impressions";
            case SEARCH_CLICKS -> "search_clicks";
            case RECOMMENDATION_IMPRS -> "recommendation_imprs";
            case RECOMMENDATION_CLICKS -> "recommendation_clicks";
            case IN_WISHLIST_COUNT -> "in_wishlist_count";
            case IN_COLLECTION_COUNT -> "in_collection_count";
            case TOTAL_RATINGS -> "total_ratings";
            case OVERALL_SUM -> "overall_sum";
            case LONGEVITY_COUNT -> "longevity_count";
            case LONGEVITY_SUM -> "longevity_sum";
            case SILLAGE_COUNT -> "sillage_count";
            case SILLAGE_SUM -> "sillage_sum";
            case PRICE_VALUE_COUNT -> "price_value_count";
            case PRICE_VALUE_SUM -> "price_value_sum";
            case GENDER_COUNT -> "gender_count";
            case GENDER_SUM -> "gender_sum";
        };
    }

    /** The field's value derived from the daily buckets (d), the memberships (m) or the ratings (r); 0 without any. */
    private static String derived(ReconciledField f) {
        String source = switch (f) {
            case TOTAL_VIEWS -> "d.views";
            case VIEW_DURATION_SUM -> "d.view_duration_sum";
            case VIEW_DURATION_COUNT -> "d.view_duration_count";
            case TOTAL_REVIEWS -> "d.reviews";
            case TRADE_INQUIRIES -> "d.trade_inquiries";
            case TRADE_COMPLETED -> "d.trade_completed";
            case SEARCH_IMPRESSIONS -> "d.search_impressions";
            case SEARCH_CLICKS -> "d.search_clicks";
            case RECOMMENDATION_IMPRS -> "d.recommendation_imprs";
            case RECOMMENDATION_CLICKS -> "d.recommendation_clicks";
            case IN_WISHLIST_COUNT -> "m.wishlist";
            case IN_COLLECTION_COUNT -> "m.collection";
            case TOTAL_RATINGS -> "r.overall_count";
            case OVERALL_SUM -> "r.overall_sum";
            case LONGEVITY_COUNT -> "r.longevity_count";
            case LONGEVITY_SUM -> "r.longevity_sum";
            case SILLAGE_COUNT -> "r.sillage_count";
            case SILLAGE_SUM -> "r.sillage_sum";
            case PRICE_VALUE_COUNT -> "r.price_value_count";
            case PRICE_VALUE_SUM -> "r.price_value_sum";
            case GENDER_COUNT -> "r.gender_count";
            case GENDER_SUM -> "r.gender_sum";
        };
        return "coalesce(" + source + ", 0)";
    }
}
