package com.newsmell.collector.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.PerfumeCatalogEntry.Concentration;
import com.newsmell.contract.PerfumeCatalogEntry.Price;
import com.newsmell.contract.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ADR 0016's currency rule: base currency, converted with the configured rate and rounded to cents, or refused. */
class CatalogPricesTest {

    private final CatalogPrices prices =
            new CatalogPrices("EUR", Map.of("USD", new BigDecimal("0.92"), "GBP", new BigDecimal("1.17")));

    @ParameterizedTest(name = "{0} {1} -> {2} EUR")
    @CsvSource({
        "92.5, EUR, 92.50",
        "10.005, EUR, 10.01",
        "100, USD, 92.00",
        "10.005, USD, 9.20",
        "0.01, USD, 0.01",
        "0, GBP, 0.00",
        "49.99, GBP, 58.49",
    })
    void convertsIntoTheBaseCurrencyRoundedToCents(String amount, String currency, String expected) {
        CatalogPrices.Converted converted = prices.convert(entry(new Price(new BigDecimal(amount), currency)));

        assertThat(converted.violations()).isEmpty();
        assertThat(converted.entry().price()).isEqualTo(new Price(new BigDecimal(expected), "EUR"));
        assertThat(converted.entry().originalPrice())
                .isEqualTo(currency.equals("EUR") ? null : new Price(new BigDecimal(amount), currency));
    }

    @Test
    void refusesACurrencyWithoutARate() {
        CatalogPrices.Converted converted = prices.convert(entry(new Price(new BigDecimal("12000"), "JPY")));

        assertThat(converted.entry()).isNull();
        assertThat(converted.violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/price/currency", "rate"));
        assertThat(converted.violations().get(0).message()).contains("JPY", "EUR", "[GBP, USD]");
    }

    @Test
    void refusesARateThatIsNotPositive() {
        assertThatThrownBy(() -> new CatalogPrices("EUR", Map.of("USD", BigDecimal.ZERO)))
                .hasMessageContaining("newsmell.catalog.rates.USD");
    }

    static PerfumeCatalogEntry entry(Price price) {
        return new PerfumeCatalogEntry(
                "p-1",
                "Velvet Oud",
                "h-1",
                "Maison Lumiere",
                List.of(),
                "Eau de Parfum",
                Concentration.EAU_DE_PARFUM,
                2019,
                price,
                null,
                1);
    }
}
