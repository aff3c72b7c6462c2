package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CollectorConfig.trustForwardedFor: "Whether the client address is taken from X-Forwarded-For (behind a trusted
 * proxy)." The first hop is the client; the proxies follow it.
 */
class RequestContextTest {

    @ParameterizedTest(name = "remote {0}, X-Forwarded-For [{1}], trusted {2} -> {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "10.0.0.9, '203.0.113.77, 10.0.0.1', true, 203.0.113.77",
                "10.0.0.9, ' 203.0.113.77 ', true, 203.0.113.77",
                "10.0.0.9, '2001:db8::1, 10.0.0.1', true, 2001:db8::1",
                "10.0.0.9, '203.0.113.77, 10.0.0.1', false, 10.0.0.9",
                "10.0.0.9, null, true, 10.0.0.9",
                "10.0.0.9, '', true, 10.0.0.9",
                "10.0.0.9, '  ', true, 10.0.0.9",
                "10.0.0.9, ', 10.0.0.1', true, null",
                "10.0.0.9, ',', true, null",
                "null, null, true, null",
                "null, 203.0.113.77, false, null"
            })
    void theClientAddressIsTheFirstForwardedHopWhenTrusted(
            String remote, String forwardedFor, boolean trusted, String expected) {
        assertThat(RequestContext.clientAddress(remote, forwardedFor, trusted)).isEqualTo(expected);
    }
}
