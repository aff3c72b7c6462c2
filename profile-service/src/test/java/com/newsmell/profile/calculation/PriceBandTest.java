package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** preferredPriceRange, pure: p10–p90 (type 7) and the mean of the positively engaged perfumes' prices. */
class PriceBandTest {

    private static Map<String, ProfileInputs.CatalogFacts> priced(String... idAndPrice) {
        Map<String, ProfileInputs.CatalogFacts> catalog = new HashMap<>();
        for (int i = 0; i < idAndPrice.length; i += 2) {
            catalog.put(
                    idAndPrice[i],
                    new ProfileInputs.CatalogFacts(
                            idAndPrice[i], "h", List.of(), "t", new BigDecimal(idAndPrice[i + 1])));
        }
        return catalog;
    }

    @Test
    @DisplayName("ten prices 10..100: p10 = 19, p90 = 91, mean 55 (linear between order statistics)")
    void percentiles() {
        Map<String, Double> engagement = new HashMap<>();
        String[] catalog = new String[20];
        for (int i = 1; i <= 10; i++) {
            engagement.put("p" + i, 1.0);
            catalog[2 * i - 2] = "p" + i;
            catalog[2 * i - 1] = Integer.toString(10 * i);
        }
        assertThat(PriceBand.of(engagement, priced(catalog)))
                .isEqualTo(new PriceRange(new BigDecimal("19.00"), new BigDecimal("91.00"), new BigDecimal("55.00")));
    }

    @Test
    @DisplayName("not the raw min and max: an outlier moves the band only by its share")
    void notRawMinAndMax() {
        PriceRange r = PriceBand.of(
                Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0, "e", 1.0),
                priced("a", "40", "b", "50", "c", "60", "d", "70", "e", "1000"));
        // sorted 40 50 60 70 1000: p10 at rank 0.4 → 44; p90 at rank 3.6 → 70 + 0.6 × 930 = 628; mean 244
        assertThat(r)
                .isEqualTo(new PriceRange(new BigDecimal("44.00"), new BigDecimal("628.00"), new BigDecimal("244.00")));
    }

    @Test
    @DisplayName("only positively engaged perfumes the catalog prices count; none: no range")
    void onlyPositive() {
        assertThat(PriceBand.of(
                        Map.of("a", 2.0, "b", -1.0, "c", 0.0, "unknown", 3.0), priced("a", "80", "b", "10", "c", "20")))
                .isEqualTo(new PriceRange(new BigDecimal("80.00"), new BigDecimal("80.00"), new BigDecimal("80.00")));
        assertThat(PriceBand.of(Map.of("b", -1.0), priced("b", "10"))).isNull();
        assertThat(PriceBand.of(Map.of(), Map.of())).isNull();
    }
}
