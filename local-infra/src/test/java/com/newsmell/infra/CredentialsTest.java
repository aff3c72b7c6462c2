package com.newsmell.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which credentials a client of a running system sends where (issue 16, ADR 0063): the write key or a bearer token. */
class CredentialsTest {

    @Test
    void ingestAndTheCatalogTakeTheWriteKey() {
        for (String path : List.of(
                "/v1/events",
                "/v1/events/batch",
                "/v1/batch",
                "/v1/track",
                "/v1/page",
                "/v1/identify",
                "/v1/t",
                "/v1/b")) {
            assertTrue(Credentials.takesWriteKey("POST", path), path);
        }
        assertTrue(Credentials.takesWriteKey("PUT", "/v1/catalog/perfumes/p-1"));
        assertTrue(Credentials.takesWriteKey("POST", "/v1/catalog/perfumes:batch"));
        assertTrue(Credentials.takesWriteKey("GET", "/sourceConfig"));
    }

    @Test
    void readsAdminApisAndGraphQlTakeTheBearerToken() {
        for (String[] request : List.of(
                new String[] {"GET", "/v1/events"},
                new String[] {"GET", "/v1/events/metrics"},
                new String[] {"POST", "/v1/write-keys"},
                new String[] {"POST", "/v1/replays"},
                new String[] {"POST", "/v1/jobs/rollup/runs"},
                new String[] {"POST", "/v1/profiles/u-1/recompute"},
                new String[] {"POST", "/graphql"})) {
            assertFalse(Credentials.takesWriteKey(request[0], request[1]), String.join(" ", request));
        }
        assertEquals("Bearer t", Credentials.authorization("GET", "/v1/sessions", "wk", "t"));
        assertEquals(Credentials.basic("wk"), Credentials.authorization("POST", "/v1/events", "wk", "t"));
    }
}
