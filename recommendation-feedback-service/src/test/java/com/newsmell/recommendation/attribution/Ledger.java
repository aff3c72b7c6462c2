package com.newsmell.recommendation.attribution;

import java.time.Instant;
import java.util.UUID;

/** Test rows: impressions and conversions as the ledger reads them. */
public final class Ledger {

    private Ledger() {}

    public static LedgerRow impression(long id, String rec, String perfume, String user, String anonymous, Instant at) {
        return new LedgerRow(
                id,
                rec,
                perfume,
                user,
                anonymous,
                at,
                "homepage",
                "collaborative",
                null,
                0,
                null,
                null,
                false,
                false,
                null,
                false,
                false,
                false,
                false,
                null,
                null);
    }

    public static LedgerRow impression(
            long id,
            String algorithm,
            String source,
            int position,
            boolean randomized,
            boolean clicked,
            String user,
            Instant at) {
        return new LedgerRow(
                id,
                "r-" + id,
                "p-" + (id % 50),
                user,
                "s-" + user,
                at,
                source,
                algorithm,
                null,
                position,
                null,
                null,
                randomized,
                clicked,
                clicked ? at.plusSeconds(2) : null,
                false,
                false,
                false,
                false,
                null,
                null);
    }

    public static ConversionFact conversion(
            String kind, String perfume, String user, String session, String rec, Instant at) {
        return new ConversionFact(
                UUID.randomUUID(), kind, perfume, user, session, rec, at, kind.equals("rating") ? 4.0 : null);
    }
}
