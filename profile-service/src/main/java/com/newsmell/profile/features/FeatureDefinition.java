package com.newsmell.profile.features;

/**
 * One position of the vector.
 *
 * @param position 0-based index in the vector
 * @param name unique in the schema, camelCase
 * @param description what the raw value x is (its data, window and unit), what it is 0 without input, and why a
 *     recommendation model wants it where the seed does not name it
 */
public record FeatureDefinition(
        int position, String name, FeatureGroup group, String description, Normalisation normalisation) {}
