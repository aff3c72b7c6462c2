package com.newsmell.collector.writekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PresentedKeyTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyIsTheBasicAuthUserName() {
        assertThat(PresentedKey.of(basic("nsk_abc:"), null)).isEqualTo("nsk_abc");
        assertThat(PresentedKey.of(basic("nsk_abc:ignored"), "other")).isEqualTo("nsk_abc");
        assertThat(PresentedKey.of(basic("nsk_abc"), null)).isEqualTo("nsk_abc");
        assertThat(PresentedKey.of("basic " + Base64.getEncoder().encodeToString("k:".getBytes()), null))
                .isEqualTo("k");
    }

    @Test
    void aBeaconSendsItAsAQueryParameter() {
        assertThat(PresentedKey.of(null, "nsk_beacon")).isEqualTo("nsk_beacon");
        assertThat(PresentedKey.of("Bearer x", "nsk_beacon")).isEqualTo("nsk_beacon");
    }

    @Test
    void noKeyOrAMalformedOneIsNone() {
        assertThat(PresentedKey.of(null, null)).isNull();
        assertThat(PresentedKey.of(null, "")).isNull();
        assertThat(PresentedKey.of(basic(":password"), null)).isNull();
        assertThat(PresentedKey.of("Basic %%%", null)).isNull();
    }
}
