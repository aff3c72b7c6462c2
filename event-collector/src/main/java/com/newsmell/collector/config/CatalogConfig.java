package com.newsmell.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/** The perfume catalog feed's rules (ADR 0016): {@code newsmell.catalog.*}. */
@ConfigMapping(prefix = "newsmell.catalog")
public interface CatalogConfig {

    /** The currency every stored price is in (ISO-4217, three capital letters). */
    @WithDefault("EUR")
    String baseCurrency();

    /**
     * The conversion rates into the base currency, by currency: {@code newsmell.catalog.rates.USD=0.92} means 1 USD is
     * 0.92 of the base currency. A price in a currency without a rate is refused (400, rule {@code rate}).
     */
    Map<String, BigDecimal> rates();

    /** Most perfumes in one batch request. */
    @WithDefault("1000")
    int maxBatchPerfumes();

    /** Largest catalog request body, in bytes; above it the answer is 413. */
    @WithDefault("4194304")
    int maxBatchBytes();
}
