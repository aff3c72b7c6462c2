package com.newsmell.profile.features.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.config.ProfileConfig;
import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.HistoricalRequest;
import com.newsmell.profile.features.PointInTime;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/**
 * The users' vectors: what a run recomputes and prunes, and the reads of the API (a user's vector as of a day, the
 * point-in-time join), each by the rules of {@link PointInTime}.
 */
@ApplicationScoped
public class FeatureStoreService {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FeatureVectorRepository vectors;
    private final FeatureSchemaRepository versions;
    private final int retentionDays;
    private final int joinChunkSize;

    public FeatureStoreService(
            FeatureVectorRepository vectors, FeatureSchemaRepository versions, ProfileConfig config) {
        this.vectors = vectors;
        this.versions = versions;
        this.retentionDays = Math.max(1, config.features().retentionDays());
        this.joinChunkSize = Math.max(1, config.features().historical().chunkSize());
    }

    /** The next users (after this userId, null: the first) whose vector a run of this version recomputes. */
    @WithSession
    public Uni<List<String>> staleAfter(String afterUserId, int limit, int version) {
        return vectors.staleAfter(afterUserId, limit, version);
    }

    /** Keeps {@code retention-days} days of snapshots ending with {@code day}: moves the horizon, drops the rest. */
    @WithTransaction
    public Uni<FeatureVectorRepository.Pruned> prune(LocalDate day, int newestVersion) {
        return vectors.prune(day.minusDays(retentionDays - 1L), newestVersion);
    }

    /** A user's vector: found with its schema, or missing with the reason (a {@code PointInTime} reason or another). */
    public sealed interface Lookup {
        record Found(FeatureSchema schema, FeatureVectorRepository.StoredVector vector) implements Lookup {}

        record Missing(String reason, String detail) implements Lookup {}
    }

    /** No feature schema version exists yet (none asked for), or not the one asked for. */
    public static final String NO_SCHEMA = "feature-schema-not-found";

    /** The user's vector of the newest version has not been computed yet (a run computes it). */
    public static final String NOT_COMPUTED = "not-computed";

    /**
     * The user's vector of this version (null: the newest): with {@code asOf} null the current one (else, when the
     * current one is of another version, the latest snapshot of this one), with a day the latest snapshot at or before
     * it.
     */
    @WithSession
    public Uni<Lookup> vector(String userId, Integer version, LocalDate asOf) {
        return versions.latest().chain(latest -> {
            if (latest == null) {
                return missing(
                        NO_SCHEMA,
                        "No feature schema version exists yet: the first run of the profiles job"
                                + " makes version 1 (or POST /v1/features/schema/versions).");
            }
            Uni<FeatureSchemaRepository.StoredVersion> requested =
                    version == null ? Uni.createFrom().item(latest) : versions.version(version);
            return requested.chain(stored -> {
                if (stored == null) {
                    return missing(NO_SCHEMA, "There is no feature schema version " + version + ".");
                }
                int v = stored.schema().version();
                boolean newest = v == latest.schema().version();
                return vectors.profileExists(userId).chain(known -> {
                    if (!known) {
                        return missing(PointInTime.UNKNOWN_USER, "No profile for user " + userId + " yet.");
                    }
                    if (asOf == null) {
                        return vectors.current(userId)
                                .chain(current -> current != null && current.schemaVersion() == v
                                        ? found(stored.schema(), current)
                                        : vectors.latestSnapshot(userId, v, null)
                                                .chain(snapshot -> snapshot != null
                                                        ? found(stored.schema(), snapshot)
                                                        : missing(
                                                                NOT_COMPUTED,
                                                                "User " + userId + " has no vector of schema version "
                                                                        + v
                                                                        + " yet; the next run of the profiles job computes"
                                                                        + " it.")));
                    }
                    return vectors.horizon().chain(horizon -> {
                        String reason =
                                PointInTime.reasonBeforeLookup(true, asOf, horizon, newest, stored.computedThrough());
                        if (reason != null) {
                            return missing(reason, reasonDetail(reason, asOf, horizon, v, stored.computedThrough()));
                        }
                        return vectors.latestSnapshot(userId, v, asOf)
                                .chain(snapshot -> snapshot != null
                                        ? found(stored.schema(), snapshot)
                                        : missing(
                                                PointInTime.NO_SNAPSHOT,
                                                "User " + userId + " had no vector of schema version " + v
                                                        + " on or before " + asOf + "."));
                    });
                });
            });
        });
    }

    /**
     * The current vectors of these users of the newest schema version, in the order asked (null for a user without
     * one: unknown, not computed yet, or computed with an older version only): two statements whatever the number
     * (the GraphQL subgraph's batches; GET /v1/profiles/{userId}/features answers the same for each).
     */
    @WithSession
    public Uni<List<Lookup.Found>> currentVectors(List<String> userIds) {
        return versions.latest()
                .chain(latest -> latest == null
                        ? Uni.createFrom().item(Collections.nCopies(userIds.size(), (Lookup.Found) null))
                        : vectors.current(userIds)
                                .map(current -> userIds.stream()
                                        .map(current::get)
                                        .map(v -> v != null
                                                        && v.schemaVersion()
                                                                == latest.schema()
                                                                        .version()
                                                ? new Lookup.Found(latest.schema(), v)
                                                : null)
                                        .toList()));
    }

    private static String reasonDetail(
            String reason, LocalDate day, LocalDate horizon, int version, LocalDate computedThrough) {
        return switch (reason) {
            case PointInTime.BEFORE_RETENTION ->
                day + " is before the retention horizon " + horizon + ": vectors are kept for the days from it on.";
            case PointInTime.VERSION_SUPERSEDED ->
                "Schema version " + version + " was superseded; it was last" + " computed "
                        + (computedThrough == null ? "never" : "on " + computedThrough) + ".";
            default -> reason;
        };
    }

    private static Uni<Lookup> found(FeatureSchema schema, FeatureVectorRepository.StoredVector vector) {
        return Uni.createFrom().item(new Lookup.Found(schema, vector));
    }

    private static Uni<Lookup> missing(String reason, String detail) {
        return Uni.createFrom().item(new Lookup.Missing(reason, detail));
    }

    /** What the point-in-time join of one request reads once: the version, whether it is the newest, the horizon. */
    public record JoinContext(FeatureSchemaRepository.StoredVersion version, boolean newest, LocalDate horizon) {}

    /** The join's context for this version (null: the newest); a {@link Lookup.Missing} when there is no such version. */
    @WithSession
    public Uni<Object> joinContext(Integer version) {
        return versions.latest().chain(latest -> {
            if (latest == null) {
                return Uni.createFrom().item((Object) new Lookup.Missing(
                        NO_SCHEMA,
                        "No feature schema version"
                                + " exists yet: the first run of the profiles job makes version 1."));
            }
            Uni<FeatureSchemaRepository.StoredVersion> requested =
                    version == null ? Uni.createFrom().item(latest) : versions.version(version);
            return requested.chain(stored -> stored == null
                    ? Uni.createFrom().item((Object)
                            new Lookup.Missing(NO_SCHEMA, "There is no feature schema version " + version + "."))
                    : vectors.horizon().map(horizon -> (Object) new JoinContext(
                            stored, stored.schema().version() == latest.schema().version(), horizon)));
        });
    }

    /**
     * The point-in-time join as JSON Lines, one line per row in the rows' order, streamed a chunk of rows at a time
     * (one statement and one piece of the answer per chunk; only one chunk in memory).
     */
    public Multi<Buffer> join(HistoricalRequest request, JoinContext context) {
        return Multi.createFrom()
                .iterable(request.chunks(joinChunkSize))
                .onItem()
                .transformToUniAndConcatenate(chunk -> joinChunk(chunk, context))
                .map(lines -> Buffer.buffer(lines.getBytes(StandardCharsets.UTF_8)));
    }

    private Uni<String> joinChunk(List<HistoricalRequest.Row> chunk, JoinContext context) {
        int version = context.version().schema().version();
        List<FeatureVectorRepository.JoinRow> rows = chunk.stream()
                .map(r -> new FeatureVectorRepository.JoinRow(r.index(), r.userId(), r.timestamp()))
                .toList();
        return vectors.join(rows, version).map(joined -> lines(chunk, joined, context));
    }

    /** The chunk's lines, joined by newlines (the last without one: the stream puts one after each chunk). */
    static String lines(
            List<HistoricalRequest.Row> chunk, List<FeatureVectorRepository.Joined> joined, JoinContext context) {
        int version = context.version().schema().version();
        StringWriter out = new StringWriter(chunk.size() * 800);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < chunk.size(); i++) {
                HistoricalRequest.Row row = chunk.get(i);
                FeatureVectorRepository.Joined j = joined.get(i);
                if (j.ordinal() != row.index()) {
                    throw new IllegalStateException("join answered row " + j.ordinal() + " for " + row.index());
                }
                if (i > 0) {
                    g.writeRaw('\n');
                }
                g.writeStartObject();
                g.writeStringField("userId", row.userId());
                g.writeStringField("timestamp", JsonConvention.format(row.timestamp()));
                g.writeNumberField("schemaVersion", version);
                String reason = PointInTime.reasonBeforeLookup(
                        j.knownUser(),
                        PointInTime.day(row.timestamp()),
                        context.horizon(),
                        context.newest(),
                        context.version().computedThrough());
                if (reason == null && j.vector() == null) {
                    reason = PointInTime.NO_SNAPSHOT;
                }
                if (reason != null) {
                    g.writeNullField("vector");
                    g.writeStringField("reason", reason);
                } else {
                    FeatureVectorRepository.StoredVector v = j.vector();
                    g.writeStringField("asOf", v.asOf().toString());
                    g.writeStringField("computedAt", JsonConvention.format(v.computedAt()));
                    g.writeNumberField("accountAgeDays", v.accountAgeDays());
                    g.writeStringField("accountAgeSource", v.accountAgeSource());
                    g.writeFieldName("vector");
                    g.writeRawValue(v.vector());
                }
                g.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
