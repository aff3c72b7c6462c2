package com.newsmell.profile.calculation;

import java.math.BigDecimal;

/** preferredPriceRange: p10 (min), p90 (max) and mean (average) of the positively engaged perfumes' prices. */
public record PriceRange(BigDecimal min, BigDecimal max, BigDecimal average) {}
