package com.newsmell.profile.features.store;

import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.FeatureLayout;
import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.PricePoints;
import com.newsmell.profile.features.Vocabulary;
import com.newsmell.profile.features.VocabularyRule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The feature schema's versions (ADR 0021): frozen once made; a new one only by {@link #bump} (the command), by the
 * first run when there is none, or by a run of code with another layout ({@link #forRun}).
 */
@ApplicationScoped
public class FeatureSchemaService {

    private static final Logger LOG = Logger.getLogger(FeatureSchemaService.class);

    public static final String BOOTSTRAP = "bootstrap";
    public static final String COMMAND = "command";
    public static final String LAYOUT_CHANGE = "layout-change";

    private final FeatureSchemaRepository versions;
    private final Map<String, Double> caps;

    public FeatureSchemaService(FeatureSchemaRepository versions, ProfileConfig config) {
        this.versions = versions;
        this.caps = Map.copyOf(config.features().caps());
        FeatureLayout.withCaps(caps); // a cap for no feature fails the start, not the next bump
    }

    /**
     * What a new version's vocabulary is pinned to by the command's body; each null part is derived from the catalog
     * copy and the rollups ({@link VocabularyRule}, {@link PricePoints}).
     */
    public record Pins(List<String> notes, List<String> houses, List<BigDecimal> pricePoints) {
        public static final Pins NONE = new Pins(null, null, null);
    }

    /** The newest version (the one runs compute), or null when there is none yet. */
    @WithSession
    public Uni<FeatureSchemaRepository.StoredVersion> latest() {
        return versions.latest();
    }

    /** This version, or null. */
    @WithSession
    public Uni<FeatureSchemaRepository.StoredVersion> version(int version) {
        return versions.version(version);
    }

    /**
     * The version a run computes: the newest; version 1 from the catalog copy when there is none (bootstrap), a new
     * version when the newest was made for another layout than this code's (a deploy that changed the features).
     */
    @WithTransaction
    public Uni<FeatureSchema> forRun() {
        return versions.latest().chain(latest -> {
            if (latest != null && latest.schema().currentLayout()) {
                return Uni.createFrom().item(latest.schema());
            }
            return versions.lockNextVersion()
                    .chain(next -> versions.latest().chain(again -> {
                        if (again != null && again.schema().currentLayout()) {
                            return Uni.createFrom().item(again.schema());
                        }
                        return make(next, again == null ? BOOTSTRAP : LAYOUT_CHANGE, Pins.NONE);
                    }));
        });
    }

    /** Makes the next version (the command): the layout with the configured caps, and the vocabulary. */
    @WithTransaction
    public Uni<FeatureSchema> bump(Pins pins) {
        return versions.lockNextVersion().chain(next -> make(next, COMMAND, pins));
    }

    /** Records that a run on {@code day} computed this version's vectors. */
    @WithTransaction
    public Uni<Integer> computedThrough(int version, LocalDate day) {
        return versions.computedThrough(version, day);
    }

    private Uni<FeatureSchema> make(int version, String createdBy, Pins pins) {
        return vocabulary(pins).chain(vocabulary -> {
            FeatureSchema schema = FeatureSchema.of(version, vocabulary, caps, Instant.now(), createdBy);
            LOG.infof(
                    "feature schema version %d (%s): %d notes, %d houses, %d price points",
                    version,
                    createdBy,
                    vocabulary.notes().size(),
                    vocabulary.houses().size(),
                    vocabulary.pricePoints().size());
            return versions.insert(schema).replaceWith(schema);
        });
    }

    private Uni<Vocabulary> vocabulary(Pins pins) {
        Uni<List<String>> notes = pins.notes() != null
                ? Uni.createFrom().item(pins.notes())
                : versions.noteStandings().map(s -> VocabularyRule.top(s, FeatureLayout.NOTE_SLOTS));
        return notes.chain(n -> {
            Uni<List<String>> houses = pins.houses() != null
                    ? Uni.createFrom().item(pins.houses())
                    : versions.houseStandings().map(s -> VocabularyRule.top(s, FeatureLayout.HOUSE_SLOTS));
            return houses.chain(h -> {
                Uni<List<BigDecimal>> points = pins.pricePoints() != null
                        ? Uni.createFrom().item(pins.pricePoints())
                        : versions.catalogPrices().map(PricePoints::of);
                return points.map(p -> new Vocabulary(n, h, FeatureLayout.PERFUME_TYPES, p));
            });
        });
    }
}
