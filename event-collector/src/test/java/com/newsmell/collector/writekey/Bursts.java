package com.newsmell.collector.writekey;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A burst past a key's bucket, as the write-key tests send it: the answers, each a success or a 429 with its headers. */
public record Bursts(int accepted, List<Response> refusals) {

    /**
     * Sends {@code n} requests one after another ({@code send} gets the request's index); checks that some are refused
     * and every refusal is a 429 problem with Retry-After and the RateLimit headers of a bucket of {@code burst}.
     */
    public static Bursts send(int n, int success, int burst, IntFunction<Response> send) {
        int accepted = 0;
        List<Response> refusals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Response r = send.apply(i);
            if (r.statusCode() == success) {
                accepted++;
            } else {
                refusals.add(r);
            }
        }
        assertThat(refusals).isNotEmpty().allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
            assertThat(r.header("RateLimit-Limit")).isEqualTo(Integer.toString(burst));
            assertThat(r.header("RateLimit-Remaining")).isEqualTo("0");
            assertThat(r.header("RateLimit-Reset")).isNotNull();
        });
        return new Bursts(accepted, refusals);
    }
}
