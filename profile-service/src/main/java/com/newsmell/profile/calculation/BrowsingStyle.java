package com.newsmell.profile.calculation;

/**
 * browsingStyle, first rule that holds, over the window:
 *
 * <ol>
 *   <li>no event: none (null);
 *   <li>{@code trader}: at least traderMinTrades trade events (tradingActivity);
 *   <li>{@code casual}: fewer than casualMaxEvents events, or fewer than casualMinActiveDays active days;
 *   <li>{@code explorer}: at least explorerMinPerfumes distinct perfumes viewed, and distinct perfumes per perfume view
 *       at least explorerMinDistinctShare (most views are of perfumes not seen before);
 *   <li>{@code focused}: otherwise (much activity on a few perfumes).
 * </ol>
 */
public enum BrowsingStyle {
    explorer,
    focused,
    trader,
    casual;

    public static BrowsingStyle of(
            long events, long activeDays, long trades, long distinctPerfumesViewed, long perfumeViews, ProfileRules r) {
        ProfileRules.Style s = r.style();
        if (events == 0) {
            return null;
        }
        if (trades >= s.traderMinTrades()) {
            return trader;
        }
        if (events < s.casualMaxEvents() || activeDays < s.casualMinActiveDays()) {
            return casual;
        }
        if (distinctPerfumesViewed >= s.explorerMinPerfumes()
                && distinctPerfumesViewed >= s.explorerMinDistinctShare() * perfumeViews) {
            return explorer;
        }
        return focused;
    }

    /** The value of a query parameter, or null when it names no style. */
    public static BrowsingStyle fromName(String name) {
        for (BrowsingStyle style : values()) {
            if (style.name().equals(name)) {
                return style;
            }
        }
        return null;
    }
}
