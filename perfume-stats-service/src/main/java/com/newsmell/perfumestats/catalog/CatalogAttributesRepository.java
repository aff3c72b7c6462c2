package com.newsmell.perfumestats.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads this service's copy of the catalog ({@code perfume_catalog}); the toolkit's {@code CatalogCopy} writes it
 * from the catalog topic.
 */
@ApplicationScoped
public class CatalogAttributesRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MANY = "select perfume_id, version, name, house_id, house_name, cast(notes as text),"
            + " perfume_type, concentration, launch_year, cast(price_amount as text), price_currency"
            + " from perfume_catalog where perfume_id in (:ids)";

    /** The catalog entries of these perfumes (those the copy has), by perfumeId: one statement. */
    @WithSession
    public Uni<Map<String, CatalogAttributes>> findAll(List<String> perfumeIds) {
        if (perfumeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(MANY, Object[].class)
                        .setParameter("ids", perfumeIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, CatalogAttributes> byId = new HashMap<>();
                    rows.forEach(r -> byId.put((String) r[0], attributes(r)));
                    return byId;
                });
    }

    private static CatalogAttributes attributes(Object[] r) {
        return new CatalogAttributes(
                ((Number) r[1]).longValue(),
                (String) r[2],
                (String) r[3],
                (String) r[4],
                notes((String) r[5]),
                (String) r[6],
                (String) r[7],
                r[8] == null ? null : ((Number) r[8]).intValue(),
                new BigDecimal((String) r[9]),
                (String) r[10]);
    }

    /** The stored notes ({@code [{noteId, name, layer, category}]}, as the contract wrote them), in order. */
    static List<CatalogAttributes.Note> notes(String json) {
        try {
            List<CatalogAttributes.Note> notes = new ArrayList<>();
            for (JsonNode note : JSON.readTree(json)) {
                notes.add(new CatalogAttributes.Note(
                        note.path("noteId").asText(),
                        note.path("layer").asText(null),
                        note.path("category").asText(null)));
            }
            return notes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("perfume_catalog.notes is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
