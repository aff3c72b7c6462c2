package com.newsmell.profile.features;

import static com.newsmell.profile.features.FeatureGroup.behaviour;
import static com.newsmell.profile.features.FeatureGroup.collection;
import static com.newsmell.profile.features.FeatureGroup.demographic;
import static com.newsmell.profile.features.FeatureGroup.engagement;
import static com.newsmell.profile.features.FeatureGroup.preferences;
import static com.newsmell.profile.features.FeatureGroup.temporal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The code's feature layout (issue #12): the seed's UserFeatureVector, 111 features in six groups, each with its
 * position, name, description and default normalisation. A schema version is this layout with its caps and a
 * vocabulary, frozen ({@link FeatureSchema}); code with another layout ({@link #LAYOUT}) makes a new version.
 *
 * <p>Unless said otherwise, a feature is over the profile's window: the {@code newsmell.profile.window.days} (30) UTC
 * days ending with the vector's as-of day, the same counts as the profile's fields (README "Profile fields"). A ratio
 * whose denominator is 0 is 0 (the description says so).
 */
public final class FeatureLayout {

    /** The layout's id, stored with every version made for it; change it whenever a feature is added or changed. */
    public static final String LAYOUT = "user-features/1";

    public static final int NOTE_SLOTS = 25;
    public static final int HOUSE_SLOTS = 15;

    /** perfumeTypeMix's types (the catalog's perfumeType values); a sixth slot takes every other type. */
    public static final List<String> PERFUME_TYPES =
            List.of("Eau de Parfum", "Eau de Toilette", "Parfum", "Extrait de Parfum", "Eau de Cologne");

    /** dayOfWeekActivity's days, Monday first (the profile's activeDaysOfWeek). */
    public static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private static final List<FeatureDefinition> DEFAULTS = build();

    private FeatureLayout() {}

    /** The layout's features with their default caps. */
    public static List<FeatureDefinition> defaults() {
        return DEFAULTS;
    }

    /**
     * The layout's features with these caps instead of the defaults ({@code newsmell.profile.features.caps.<name>}).
     *
     * @throws IllegalArgumentException for a name that is no capped feature, or a cap that is not positive
     */
    public static List<FeatureDefinition> withCaps(Map<String, Double> caps) {
        Set<String> used = new HashSet<>();
        List<FeatureDefinition> features = new ArrayList<>(DEFAULTS.size());
        for (FeatureDefinition f : DEFAULTS) {
            Double cap = caps.get(f.name());
            if (cap == null) {
                features.add(f);
                continue;
            }
            if (!f.normalisation().capped()) {
                throw new IllegalArgumentException(
                        "newsmell.profile.features.caps." + f.name() + ": " + f.name() + " has no cap");
            }
            used.add(f.name());
            features.add(new FeatureDefinition(
                    f.position(),
                    f.name(),
                    f.group(),
                    f.description(),
                    f.normalisation().withCap(cap)));
        }
        for (String name : caps.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("newsmell.profile.features.caps." + name + ": no such feature");
            }
        }
        return List.copyOf(features);
    }

    /** The name of note slot {@code i} (0-based): note01 … note25. */
    public static String noteSlot(int i) {
        return String.format("note%02d", i + 1);
    }

    /** The name of house slot {@code i} (0-based): house01 … house15. */
    public static String houseSlot(int i) {
        return String.format("house%02d", i + 1);
    }

    /** The name of perfumeTypeMix's slot of this type (index into {@link #PERFUME_TYPES}; its size: other). */
    public static String typeSlot(int i) {
        if (i == PERFUME_TYPES.size()) {
            return "typeOther";
        }
        StringBuilder name = new StringBuilder("type");
        for (String word : PERFUME_TYPES.get(i).split(" ")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static List<FeatureDefinition> build() {
        List<FeatureDefinition> f = new ArrayList<>();
        Adder add = (name, group, norm, description) ->
                f.add(new FeatureDefinition(f.size(), name, group, description, norm));

        // --- demographic (1)
        add.add(
                "accountAge",
                demographic,
                Normalisation.log(1095),
                "Whole days from the user's signup to the vector's asOf: the registration time when known"
                        + " (source registered), else when profile-service first saw the user (source first-event;"
                        + " the response names the source). 0 when the signup is after asOf.");

        // --- engagement (20)
        add.add(
                "totalSessions",
                engagement,
                Normalisation.log(60),
                "The profile's totalSessions: non-bot sessions that started in the window.");
        add.add(
                "avgSessionDuration",
                engagement,
                Normalisation.cap(1_800_000),
                "The profile's avgSessionDurationMs, in ms (0 without a session); full at 30 minutes.");
        add.add(
                "totalPageViews",
                engagement,
                Normalisation.log(1000),
                "The profile's totalPageViews: VIEW-category events.");
        add.add(
                "perfumeViewRate",
                engagement,
                Normalisation.cap(20),
                "Perfumes viewed per session: the profile's"
                        + " totalPerfumesViewed / totalSessions; 0 without a session.");
        add.add(
                "searchRate",
                engagement,
                Normalisation.cap(10),
                "Searches per session: totalSearches / totalSessions; 0 without a session.");
        add.add(
                "interactionRate",
                engagement,
                Normalisation.cap(1),
                "Interactions per page view: totalInteractions"
                        + " (RATING, REVIEW, COLLECTION events) / totalPageViews; 0 without a page view.");
        add.add(
                "totalEvents",
                engagement,
                Normalisation.log(2000),
                "Every counted event of the window. Why: the overall volume, of which the rates above are parts.");
        add.add(
                "activeDaysShare",
                engagement,
                Normalisation.share(),
                "Days with an event / window days. Why:"
                        + " regularity, which volume alone hides (one binge day vs. a daily habit).");
        add.add(
                "eventsPerActiveDay",
                engagement,
                Normalisation.log(200),
                "Events / active days; 0 without one. Why: intensity on the days the user comes.");
        add.add(
                "totalPerfumesViewed",
                engagement,
                Normalisation.log(300),
                "The profile's totalPerfumesViewed:"
                        + " distinct perfumes with a PERFUME_VIEW. Why: the breadth of the catalog the user has seen.");
        add.add(
                "engagementScore",
                engagement,
                Normalisation.cap(100),
                "The profile's engagementScore (0-100). Why:"
                        + " the one-number summary the dashboards use, so models and dashboards agree.");
        add.add(
                "pagesPerSession",
                engagement,
                Normalisation.cap(30),
                "Page views per session from the window's"
                        + " non-bot session summaries (their pageViews / their number); 0 without a session. Why: session"
                        + " depth, from the session service's own count.");
        add.add(
                "bounceRate",
                engagement,
                Normalisation.share(),
                "Bounced sessions / sessions of the window's non-bot"
                        + " session summaries; 0 without a session. Why: separates visitors who leave at once.");
        add.add(
                "searchClickThrough",
                engagement,
                Normalisation.cap(1),
                "SEARCH_RESULT_CLICKED / SEARCH_PERFORMED; 0"
                        + " without a search. Why: whether search finds what the user wants.");
        add.add(
                "searchNoResultsRate",
                engagement,
                Normalisation.cap(1),
                "SEARCH_NO_RESULTS / SEARCH_PERFORMED; 0"
                        + " without a search. Why: users searching for what the catalog lacks.");
        add.add(
                "filterRate",
                engagement,
                Normalisation.cap(1),
                "FILTER_APPLIED / totalPageViews; 0 without a page"
                        + " view. Why: users who narrow the catalog know what they want.");
        add.add(
                "recommendationClickThrough",
                engagement,
                Normalisation.cap(1),
                "RECOMMENDATION_CLICKED /"
                        + " RECOMMENDATION_SHOWN; 0 without an impression. Why: how receptive the user is to recommendations.");
        add.add(
                "recommendationImpressions",
                engagement,
                Normalisation.log(500),
                "RECOMMENDATION_SHOWN events. Why:"
                        + " the exposure behind the click-through rate (a rate over 2 impressions says little).");
        add.add(
                "mobileSessionShare",
                engagement,
                Normalisation.share(),
                "Sessions on a mobile or tablet deviceType /"
                        + " sessions, of the window's non-bot session summaries; 0 without a session. Why: device context.");
        add.add(
                "historyActiveDaysShare",
                engagement,
                Normalisation.share(),
                "Days with an event in the"
                        + " history (newsmell.profile.window.history-days, 90, ending on asOf's day) / history days. Why:"
                        + " long-term loyalty, beyond the 30-day window.");

        // --- collection (15)
        add.add(
                "collectionSize",
                collection,
                Normalisation.log(200),
                "The profile's collectionSize: perfumes in the collection now (lifetime).");
        add.add(
                "wishlistSize",
                collection,
                Normalisation.log(200),
                "The profile's wishlistSize: perfumes in the wishlist now (lifetime).");
        add.add(
                "ratingsCount",
                collection,
                Normalisation.log(50),
                "The profile's totalRatings: RATING_COMPLETED events.");
        add.add(
                "reviewsCount",
                collection,
                Normalisation.log(20),
                "The profile's totalReviews: REVIEW_SUBMITTED events.");
        add.add(
                "avgRatingValue",
                collection,
                Normalisation.range(1, 5),
                "The profile's avgRatingValue (1-5) on its"
                        + " scale; 0 without a rating (hasRatings tells the two apart).");
        add.add(
                "hasRatings",
                collection,
                Normalisation.flag(),
                "1 when the window has a rating with a value. Why:"
                        + " tells avgRatingValue's 0 without ratings from an average of 1.");
        add.add(
                "collectionGrowthRate",
                collection,
                Normalisation.cap(5),
                "Items added to the collection per week: COLLECTION_ADD events × 7 / window days.");
        add.add(
                "wishlistGrowthRate",
                collection,
                Normalisation.cap(5),
                "WISHLIST_ADD events × 7 / window days. Why:"
                        + " wishes are the strongest signal of intent short of owning.");
        add.add(
                "removalShare",
                collection,
                Normalisation.share(),
                "(WISHLIST_REMOVE + COLLECTION_REMOVE) / all"
                        + " wishlist and collection adds and removes; 0 without one. Why: users who curate (and drop) what"
                        + " they once liked.");
        add.add(
                "collectionRatedShare",
                collection,
                Normalisation.share(),
                "Perfumes in the collection with a"
                        + " current rating / collectionSize (lifetime); 0 with an empty collection. Why: owners who rate"
                        + " what they own give explicit feedback.");
        add.add(
                "ownedShare",
                collection,
                Normalisation.share(),
                "collectionSize / (collectionSize + wishlistSize);"
                        + " 0 when both are empty. Why: owners vs. dreamers.");
        add.add(
                "avgReviewLength",
                collection,
                Normalisation.log(2000),
                "The profile's avgReviewLength in characters; 0 without a review.");
        add.add(
                "positiveRatingShare",
                collection,
                Normalisation.share(),
                "Of the user's current ratings (lifetime,"
                        + " one per perfume), the share of 4 or more; 0 without a rating. Why: generous vs. critical raters.");
        add.add(
                "ratedPerfumes",
                collection,
                Normalisation.log(200),
                "Perfumes the user has a current rating of (lifetime).");
        add.add(
                "lifetimePerfumes",
                collection,
                Normalisation.log(1000),
                "Perfumes the user ever interacted with"
                        + " (user_perfume rows). Why: the size of the user's history with the catalog.");

        // --- preferences (50)
        for (int i = 0; i < NOTE_SLOTS; i++) {
            add.add(
                    noteSlot(i),
                    preferences,
                    Normalisation.weight(),
                    "The user's preference weight for the note in slot " + (i + 1) + " of the version's vocabulary:"
                            + " the note's engagement sum (the profile's preference rule) / the user's largest note"
                            + " sum, negative as 0, so it equals the note's weight in preferredNotes when it is among"
                            + " the user's top notes; 0 for an empty slot.");
        }
        for (int i = 0; i < HOUSE_SLOTS; i++) {
            add.add(
                    houseSlot(i),
                    preferences,
                    Normalisation.weight(),
                    "The user's preference weight for the house in slot " + (i + 1) + " of the version's"
                            + " vocabulary, as for notes (preferredHouses' rule); 0 for an empty slot.");
        }
        add.add(
                "pricePointIndex",
                preferences,
                Normalisation.share(),
                "Where the user shops price-wise: the share of"
                        + " the catalog priced below the average price of their positively engaged perfumes"
                        + " (preferredPriceRange.average), read from the version's price points; 0 without a priced"
                        + " perfume (hasPriceSignal tells the two apart).");
        add.add(
                "priceRangeWidth",
                preferences,
                Normalisation.share(),
                "The share of the catalog between"
                        + " preferredPriceRange's min and max (their pricePointIndex difference); 0 without. Why: narrow vs."
                        + " broad budgets.");
        add.add(
                "hasPriceSignal",
                preferences,
                Normalisation.flag(),
                "1 when the user has a positively engaged perfume with a catalog price.");
        for (int i = 0; i <= PERFUME_TYPES.size(); i++) {
            add.add(
                    typeSlot(i),
                    preferences,
                    Normalisation.share(),
                    "perfumeTypeMix: the share of the user's positively engaged perfumes (preferredPerfumeTypes)"
                            + " whose type is "
                            + (i == PERFUME_TYPES.size() ? "none of the five above" : "'" + PERFUME_TYPES.get(i) + "'")
                            + "; all 0 without one.");
        }
        add.add(
                "noteVocabularyCoverage",
                preferences,
                Normalisation.share(),
                "The share of the user's positive note"
                        + " engagement that falls on the vocabulary's notes; 0 without. Why: tells how much of the user's"
                        + " taste the note slots see (a user who loves rare notes has small slots for another reason).");

        // --- behaviour (15)
        add.add(
                "explorationScore",
                behaviour,
                Normalisation.share(),
                "Distinct perfumes viewed / perfume views (1:"
                        + " every view a new perfume; low: coming back to the same ones); 0 without a view.");
        add.add(
                "tradingActivity",
                behaviour,
                Normalisation.log(20),
                "The profile's tradingActivity: TRADE_INQUIRY,"
                        + " TRADE_OFFERED, TRADE_ACCEPTED and TRADE_DECLINED events.");
        add.add(
                "socialActivity",
                behaviour,
                Normalisation.log(50),
                "SOCIAL-category events (PROFILE_VIEWED,"
                        + " COLLECTION_SHARED, TRADE_INQUIRY): interaction with other users.");
        add.add(
                "contentCreation",
                behaviour,
                Normalisation.log(20),
                "Reviews written: REVIEW_SUBMITTED and REVIEW_UPDATED events (the events carry no comments).");
        add.add(
                "responseTime",
                behaviour,
                Normalisation.log(720),
                "Hours from first interacting with a perfume to"
                        + " the wishlist or collection event that holds it now (the earlier of the two when in both),"
                        + " median over the perfumes in the user's wishlist or collection (lifetime): the seed's 'time to"
                        + " interact after viewing'. 0 without such a perfume, as for an add at first sight.");
        add.add(
                "notesExpandedRate",
                behaviour,
                Normalisation.cap(1),
                "NOTES_EXPANDED / PERFUME_VIEW events; 0"
                        + " without a view. Why: interest in a perfume's composition, the notes the slots weigh.");
        add.add(
                "imageEngagement",
                behaviour,
                Normalisation.cap(3),
                "(IMAGE_VIEWED + IMAGE_ZOOMED) / PERFUME_VIEW"
                        + " events; 0 without a view. Why: visual vs. descriptive browsers.");
        add.add(
                "similarClickRate",
                behaviour,
                Normalisation.cap(1),
                "SIMILAR_CLICKED / PERFUME_VIEW events; 0"
                        + " without a view. Why: users who follow similarity links suit item-to-item recommendations.");
        add.add(
                "purchaseActivity",
                behaviour,
                Normalisation.log(10),
                "PURCHASE_INITIATED and PURCHASE_COMPLETED events. Why: buying intent.");
        add.add(
                "tradeSuccessRate",
                behaviour,
                Normalisation.share(),
                "TRADE_ACCEPTED / (TRADE_ACCEPTED +"
                        + " TRADE_DECLINED); 0 without either. Why: a trader's reputation proxy (the seed's"
                        + " tradingReputation).");
        add.add(
                "houseLoyalty",
                behaviour,
                Normalisation.share(),
                "The user's largest house engagement sum / the sum"
                        + " of their positive house sums; 0 without. Why: loyal to one house vs. spread over many.");
        add.add("styleExplorer", behaviour, Normalisation.flag(), "1 when the profile's browsingStyle is explorer.");
        add.add("styleFocused", behaviour, Normalisation.flag(), "1 when the profile's browsingStyle is focused.");
        add.add("styleTrader", behaviour, Normalisation.flag(), "1 when the profile's browsingStyle is trader.");
        add.add(
                "styleCasual",
                behaviour,
                Normalisation.flag(),
                "1 when the profile's browsingStyle is casual (all four 0 without an event in the window).");

        // --- temporal (10)
        for (String day : WEEKDAYS) {
            add.add(
                    "dayOfWeek" + day,
                    temporal,
                    Normalisation.share(),
                    "dayOfWeekActivity: the share of the window's events on a " + day
                            + " (UTC; the profile's activeDaysOfWeek); all 0 without an event.");
        }
        add.add(
                "hourOfDayNight",
                temporal,
                Normalisation.share(),
                "hourOfDayActivity: the share of the window's"
                        + " events between 00:00 and 08:00 UTC (the profile's activeTimeOfDay); all 0 without an event.");
        add.add(
                "hourOfDayDaytime",
                temporal,
                Normalisation.share(),
                "hourOfDayActivity: the share between 08:00 and 16:00 UTC.");
        add.add(
                "hourOfDayEvening",
                temporal,
                Normalisation.share(),
                "hourOfDayActivity: the share between 16:00 and 24:00 UTC.");

        Set<String> names = new HashSet<>();
        for (FeatureDefinition d : f) {
            if (!names.add(d.name())) {
                throw new IllegalStateException("feature " + d.name() + " twice");
            }
        }
        return List.copyOf(f);
    }

    @FunctionalInterface
    private interface Adder {
        void add(String name, FeatureGroup group, Normalisation normalisation, String description);
    }
}
