package com.newsmell.profile.features.store;

import com.newsmell.profile.features.FeatureSchema;
import com.newsmell.profile.features.VocabularyRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The feature schema's versions ({@code feature_schema_version}, V10) and what a new version's vocabulary is read from. */
@ApplicationScoped
public class FeatureSchemaRepository {

    /** A stored version: its schema, and the last run day that computed vectors in it (null: none yet). */
    public record StoredVersion(FeatureSchema schema, LocalDate computedThrough) {}

    /** The (user, perfume) relations per catalog perfume, the basis of a note's or house's engagement. */
    private static final String ENGAGED =
            "with engaged as (select perfume_id, count(*) as relations from user_perfume" + " group by perfume_id)";

    /** The newest version, or null when there is none. */
    public Uni<StoredVersion> latest() {
        return one(
                "select definition, cast(computed_through as text) from feature_schema_version"
                        + " order by version desc limit 1",
                null);
    }

    /** This version, or null when there is no such version. */
    public Uni<StoredVersion> version(int version) {
        return one(
                "select definition, cast(computed_through as text) from feature_schema_version where version = :v",
                version);
    }

    private Uni<StoredVersion> one(String sql, Integer version) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            if (version != null) {
                q.setParameter("v", version);
            }
            return q.getResultList()
                    .map(rows -> rows.isEmpty()
                            ? null
                            : new StoredVersion(
                                    FeatureSchema.fromJson((String) rows.get(0)[0]),
                                    rows.get(0)[1] == null ? null : LocalDate.parse((String) rows.get(0)[1])));
        });
    }

    /**
     * Locks the versions for the rest of the transaction (one maker of versions at a time) and answers the next
     * version number.
     */
    public Uni<Integer> lockNextVersion() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("lock table feature_schema_version in share row exclusive mode")
                        .executeUpdate()
                        .chain(ignored -> s.createNativeQuery(
                                        "select coalesce(max(version), 0) + 1 from feature_schema_version",
                                        Integer.class)
                                .getSingleResult()));
    }

    public Uni<Integer> insert(FeatureSchema schema) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into feature_schema_version"
                                + " (version, layout, definition, created_at, created_by)"
                                + " values (:version, :layout, :definition, :createdAt, :createdBy)")
                        .setParameter("version", schema.version())
                        .setParameter("layout", schema.layout())
                        .setParameter("definition", schema.toJson().toString())
                        .setParameter("createdAt", schema.createdAt().atOffset(ZoneOffset.UTC))
                        .setParameter("createdBy", schema.createdBy())
                        .executeUpdate());
    }

    /** Records that a run on {@code day} computed vectors in this version (it never moves back). */
    public Uni<Integer> computedThrough(int version, LocalDate day) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update feature_schema_version set computed_through ="
                                + " greatest(coalesce(computed_through, cast(:day as date)), cast(:day as date))"
                                + " where version = :version")
                        .setParameter("day", day)
                        .setParameter("version", version)
                        .executeUpdate());
    }

    /** Every note of the catalog copy with its standing ({@link VocabularyRule}). */
    public Uni<List<VocabularyRule.Standing>> noteStandings() {
        return standings(ENGAGED
                + ", notes as (select distinct c.perfume_id, n ->> 'noteId' as id from perfume_catalog c,"
                + " jsonb_array_elements(c.notes) n where n ->> 'noteId' is not null)"
                + " select notes.id, coalesce(sum(e.relations), 0), count(*) from notes"
                + " left join engaged e on e.perfume_id = notes.perfume_id group by notes.id");
    }

    /** Every house of the catalog copy with its standing ({@link VocabularyRule}). */
    public Uni<List<VocabularyRule.Standing>> houseStandings() {
        return standings(ENGAGED + " select c.house_id, coalesce(sum(e.relations), 0), count(*) from perfume_catalog c"
                + " left join engaged e on e.perfume_id = c.perfume_id group by c.house_id");
    }

    private Uni<List<VocabularyRule.Standing>> standings(String sql) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class).getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new VocabularyRule.Standing(
                                (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                        .toList());
    }

    /** The catalog copy's prices. */
    public Uni<List<BigDecimal>> catalogPrices() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select cast(price_amount as text) from perfume_catalog", String.class)
                        .getResultList())
                .map(rows -> rows.stream().map(BigDecimal::new).toList());
    }
}
