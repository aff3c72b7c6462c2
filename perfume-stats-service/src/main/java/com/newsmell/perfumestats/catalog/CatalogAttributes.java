package com.newsmell.perfumestats.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What this service's copy of the catalog ({@code perfume_catalog}, ADR 0016) says a perfume is: the attributes of
 * its features.
 *
 * @param version the catalog entry's version
 * @param name the perfume's name
 * @param houseId the house (brand)
 * @param houseName the house's name
 * @param notes the olfactory pyramid, in the entry's order
 * @param perfumeType the platform's type label (free text)
 * @param concentration the concentration's wire name ({@code eau-de-parfum}, …)
 * @param launchYear the year of launch, or null when unknown
 * @param price the price in the collector's base currency, rounded to cents
 * @param currency the base currency (ISO 4217)
 */
public record CatalogAttributes(
        long version,
        String name,
        String houseId,
        String houseName,
        List<Note> notes,
        String perfumeType,
        String concentration,
        Integer launchYear,
        BigDecimal price,
        String currency) {

    public CatalogAttributes {
        notes = List.copyOf(notes);
    }

    /** One note of the pyramid: its id, its layer (top, heart, base) and its category (floral, woody, …). */
    public record Note(String noteId, String layer, String category) {}
}
