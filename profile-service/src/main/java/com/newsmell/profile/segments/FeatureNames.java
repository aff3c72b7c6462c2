package com.newsmell.profile.segments;

/**
 * A feature's name by its position in a vector of a schema version. This is the one place names are looked up: the
 * feature vector's schema (issue #12, the vector stage) is not on this branch yet, so every feature is described by
 * its position ({@code index}) and {@link #of} names none. When the schema lands, {@link #of} returns its names.
 */
@FunctionalInterface
public interface FeatureNames {

    /** The name of the feature at {@code index} (0-based), or null when unknown. */
    String name(int index);

    /** No names: features are described by position only. */
    FeatureNames NONE = index -> null;

    /** The names of a schema version's features. */
    static FeatureNames of(int schemaVersion) {
        return NONE;
    }
}
