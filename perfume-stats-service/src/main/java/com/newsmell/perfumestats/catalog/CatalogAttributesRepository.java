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
import java.util.List;

/**
 * Reads this service's copy of the catalog ({@code perfume_catalog}); the toolkit's {@code CatalogCopy} writes it
 * from the catalog topic.
 */
@ApplicationScoped
public class CatalogAttributesRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ONE = "select version, name, house_id, house_name, cast(notes as text), perfume_type,"
            + " concentration, launch_year, cast(price_amount as text), price_currency"
            + " from perfume_catalog where perfume_id = :id";

    /** The perfume's catalog entry, or null when the copy has none. */
    @WithSession
    public Uni<CatalogAttributes> find(String perfumeId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ONE, Object[].class)
                        .setParameter("id", perfumeId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : attributes(rows.get(0)));
    }

    private static CatalogAttributes attributes(Object[] r) {
        return new CatalogAttributes(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                notes((String) r[4]),
                (String) r[5],
                (String) r[6],
                r[7] == null ? null : ((Number) r[7]).intValue(),
                new BigDecimal((String) r[8]),
                (String) r[9]);
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
