package com.newsmell.contract.data;

/**
 * Typed, read-only view of an event's {@code eventData}. Obtain it with
 * {@code UserInteractionEvent.data()} or {@code EventDataReader.read}. All fields are
 * nullable (absent in the JSON) unless documented otherwise. Unknown fields are ignored by the typed view and
 * remain available in the raw {@code ObjectNode}.
 */
public sealed interface EventData
        permits PageViewData,
                SearchData,
                SearchClickData,
                RatingData,
                ReviewData,
                CollectionData,
                EngagementData,
                RecommendationData,
                RegistrationData,
                GenericData {}
