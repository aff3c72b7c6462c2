package com.newsmell.profile.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One perfume of profile-service's copy of the catalog (V5, ADR 0016); written by {@link CatalogRepository}. */
@Entity
@Table(name = "perfume_catalog")
public class CatalogPerfume {

    @Id
    @Column(name = "perfume_id")
    public String perfumeId;

    public long version;

    public String name;

    @Column(name = "house_id")
    public String houseId;

    @Column(name = "house_name")
    public String houseName;

    @Column(name = "perfume_type")
    public String perfumeType;

    public String concentration;

    @Column(name = "launch_year")
    public Integer launchYear;

    @Column(name = "price_amount")
    public BigDecimal priceAmount;

    @Column(name = "price_currency")
    public String priceCurrency;

    /** The entry's notes as a JSON array of {noteId, name, layer, category}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String notes;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
