package com.newsmell.profile.recompute;

import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileRules;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.ComputedVector;
import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.FeatureVectors;
import com.newsmell.profile.features.VectorText;
import com.newsmell.profile.features.store.FeatureVectorRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The job's feature stage, one chunk per transaction (issue #12, ADR 0021): reads the chunk's rollups as the profile
 * stage does ({@link InputRepository}) and the extras, computes each user's vector ({@link FeatureVectors}, pure) in the
 * run's schema version and window, and writes the vectors and their snapshots in one statement.
 */
@ApplicationScoped
public class VectorService {

    private final InputRepository inputs;
    private final FeatureVectorRepository vectors;
    private final ProfileRules rules;

    public VectorService(InputRepository inputs, FeatureVectorRepository vectors, ProfileConfig config) {
        this.inputs = inputs;
        this.vectors = vectors;
        this.rules = ProfileRules.of(config);
    }

    /** What a chunk wrote. */
    public record Written(int vectors, int snapshots) {}

    /**
     * Computes and writes the vectors of these users (those with a profile).
     *
     * @param computedAt the vectors' computedAt, asked for just before they are written
     */
    @WithTransaction
    public Uni<Written> compute(
            List<String> userIds,
            FeatureSchema schema,
            ProfileWindow window,
            InputRepository.CatalogCache catalogCache,
            Supplier<Instant> computedAt) {
        Instant dayEnd = window.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return inputs.read(userIds, window)
                .chain(chunk -> inputs.catalog(chunk.perfumeIds(), catalogCache)
                        .chain(catalog -> vectors.extras(userIds, window.windowStartInstant(), dayEnd)
                                .chain(extras -> {
                                    List<FeatureVectorRepository.VectorRow> rows =
                                            rows(chunk, catalog, extras, schema, window);
                                    return vectors.save(rows, schema.version(), window.day(), computedAt.get())
                                            .map(snapshots -> new Written(rows.size(), snapshots));
                                })));
    }

    private List<FeatureVectorRepository.VectorRow> rows(
            InputRepository.Chunk chunk,
            Map<String, ProfileInputs.CatalogFacts> catalog,
            Map<String, FeatureVectorRepository.Extras> extras,
            FeatureSchema schema,
            ProfileWindow window) {
        List<FeatureVectorRepository.VectorRow> rows =
                new ArrayList<>(chunk.rows().size());
        for (Object[] row : chunk.rows()) {
            FeatureVectorRepository.Extras e = extras.get((String) row[0]);
            if (e == null) {
                continue; // no profile
            }
            ComputedVector v = FeatureVectors.compute(
                    InputRepository.inputs(row, window, catalog), e.extras(), schema, window, rules);
            rows.add(new FeatureVectorRepository.VectorRow(
                    v.userId(),
                    VectorText.write(v.values()),
                    v.accountAge().days(),
                    v.accountAge().source(),
                    e.profileAsOf(),
                    e.profileComputedBy(),
                    v.settled()));
        }
        return rows;
    }
}
