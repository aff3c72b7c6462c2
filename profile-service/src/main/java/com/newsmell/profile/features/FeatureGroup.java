package com.newsmell.profile.features;

/** The seed's groups of a UserFeatureVector, in the vector's order. */
public enum FeatureGroup {
    demographic,
    engagement,
    collection,
    preferences,
    behaviour,
    temporal
}
