package com.newsmell.toolkit.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A service's copy of the perfume catalog ({@code perfume_catalog}, {@code db/catalog}). A catalog record is no fold
 * over an aggregate: its write is one statement (ADR 0012, 4), a version-guarded upsert, so that redelivery and
 * replicas need no lock.
 */
@ApplicationScoped
public class CatalogCopyRepository {

    /**
     * Stores the entry unless the row holds a newer version (an equal version replaces it: a redelivered record is the
     * same record). jsonb and numeric are bound as text and cast by the database.
     */
    static final String UPSERT = "insert into perfume_catalog (perfume_id, version, name, house_id, house_name,"
            + " perfume_type, concentration, launch_year, price_amount, price_currency, notes, updated_at)"
            + " values (:perfumeId, :version, :name, :houseId, :houseName, :perfumeType, :concentration,"
            + " cast(cast(:launchYear as text) as integer), cast(cast(:amount as text) as numeric),"
            + " :currency, cast(cast(:notes as text) as jsonb), now())"
            + " on conflict (perfume_id) do update set version = excluded.version, name = excluded.name,"
            + " house_id = excluded.house_id, house_name = excluded.house_name,"
            + " perfume_type = excluded.perfume_type, concentration = excluded.concentration,"
            + " launch_year = excluded.launch_year, price_amount = excluded.price_amount,"
            + " price_currency = excluded.price_currency, notes = excluded.notes, updated_at = excluded.updated_at"
            + " where perfume_catalog.version <= excluded.version";

    /** Whether the entry was stored (false: the row holds a newer version). */
    public Uni<Boolean> upsert(PerfumeCatalogEntry entry) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("perfumeId", entry.perfumeId())
                        .setParameter("version", entry.version())
                        .setParameter("name", entry.name())
                        .setParameter("houseId", entry.houseId())
                        .setParameter("houseName", entry.houseName())
                        .setParameter("perfumeType", entry.perfumeType())
                        .setParameter("concentration", entry.concentration().wireName())
                        .setParameter(
                                "launchYear",
                                entry.launchYear() == null
                                        ? null
                                        : entry.launchYear().toString())
                        .setParameter("amount", entry.price().amount().toPlainString())
                        .setParameter("currency", entry.price().currency())
                        .setParameter("notes", entry.toJsonNode().get("notes").toString())
                        .executeUpdate())
                .map(rows -> rows > 0);
    }

    /** Deletes the perfume (a tombstone); whether there was one. */
    public Uni<Boolean> delete(String perfumeId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from perfume_catalog where perfume_id = :id")
                        .setParameter("id", perfumeId)
                        .executeUpdate())
                .map(rows -> rows > 0);
    }
}
