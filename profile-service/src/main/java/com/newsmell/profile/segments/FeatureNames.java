package com.newsmell.profile.segments;

import com.newsmell.profile.features.FeatureDefinition;
import com.newsmell.profile.features.FeatureLayout;
import java.util.List;

/**
 * A feature's name by its position in a vector of a schema version: the names of the feature layout
 * ({@link FeatureLayout}, the same positions for every version of a layout; a slot's note or house is in the version's
 * vocabulary, {@code GET /v1/features/schema}).
 */
@FunctionalInterface
public interface FeatureNames {

    /** The name of the feature at {@code index} (0-based), or null when unknown. */
    String name(int index);

    /** No names: features are described by position only. */
    FeatureNames NONE = index -> null;

    /** The names of a schema version's features. */
    static FeatureNames of(int schemaVersion) {
        List<FeatureDefinition> layout = FeatureLayout.defaults();
        return index -> index >= 0 && index < layout.size() ? layout.get(index).name() : null;
    }
}
