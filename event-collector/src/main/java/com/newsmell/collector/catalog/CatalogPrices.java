package com.newsmell.collector.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.PerfumeCatalogEntry.Price;
import com.newsmell.contract.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The currency rule (ADR 0016): every stored price is in the base currency, rounded to cents (half up). A price in
 * another currency is converted with its configured rate (amount × rate) and the submitted price is kept as
 * originalPrice; a currency without a rate is refused at {@code /price/currency} with rule {@value #RULE_RATE}. Pure.
 */
public final class CatalogPrices {

    public static final String RULE_RATE = "rate";

    private final String base;
    private final Map<String, BigDecimal> rates;

    public CatalogPrices(String base, Map<String, BigDecimal> rates) {
        this.base = base;
        this.rates = new TreeMap<>(rates);
        this.rates.forEach((currency, rate) -> {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("newsmell.catalog.rates." + currency + " must be > 0, was " + rate);
            }
        });
    }

    public String base() {
        return base;
    }

    /** The entry with its price in the base currency, or the violation that refuses it. */
    public Converted convert(PerfumeCatalogEntry entry) {
        Price price = entry.price();
        if (price.currency().equals(base)) {
            return new Converted(entry.withPrice(new Price(cents(price.amount()), base), null), List.of());
        }
        BigDecimal rate = rates.get(price.currency());
        if (rate == null) {
            return new Converted(
                    null,
                    List.of(new Violation(
                            "/price/currency",
                            RULE_RATE,
                            "no rate is configured from " + price.currency() + " to the base currency " + base
                                    + "; configured: " + rates.keySet())));
        }
        return new Converted(entry.withPrice(new Price(cents(price.amount().multiply(rate)), base), price), List.of());
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The converted entry, or {@code null} with the violation. */
    public record Converted(PerfumeCatalogEntry entry, List<Violation> violations) {}
}
