package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnricherTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "203.0.113.77, 203.0.113.0/24",
                "10.1.2.3, 10.1.2.0/24",
                "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3::/48",
                "[2001:db8:1::1], 2001:db8:1::/48",
                "::1, 0:0:0::/48",
                "not-an-address, null",
                "null, null"
            })
    void truncatesAddresses(String address, String expected) {
        assertThat(Enricher.truncate(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"fr, FR", " DE , DE", "XX, null", "France, null", "null, null"})
    void keepsOnlyCountryCodes(String header, String expected) {
        assertThat(Enricher.country(header)).isEqualTo(expected);
    }
}
