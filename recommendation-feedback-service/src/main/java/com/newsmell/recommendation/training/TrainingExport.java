package com.newsmell.recommendation.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.recommendation.stats.PositionBias.Propensities;
import com.newsmell.toolkit.api.JsonConvention;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Labelled impressions as JSON Lines (issue #13): one line per impression, its features and its labels, the viewer
 * pseudonymised with a keyed hash (HMAC-SHA256 of the viewer key, first 128 bits, hex): stable within one key, not
 * reversible by hashing known ids without it. Pure.
 */
public final class TrainingExport {

    private TrainingExport() {}

    /** The pseudonym of a viewer key ({@code user:<id>} or {@code anonymous:<id>}). */
    public static String pseudonym(String key, String viewer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(viewer.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One impression's line (without the line break). */
    static String line(AttributedRow a, Propensities propensities, String key) {
        LedgerRow r = a.row();
        Outcome o = a.outcome();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("recommendationId", r.recommendationId());
        n.put("perfumeId", r.perfumeId());
        n.put("viewer", pseudonym(key, r.viewer()));
        n.put("identified", r.identified());
        n.put("impressionTime", JsonConvention.format(r.impressionTime()));
        ZonedDateTime utc = r.impressionTime().atZone(ZoneOffset.UTC);
        n.put("hourOfDayUtc", utc.getHour());
        n.put("dayOfWeekUtc", utc.getDayOfWeek().getValue());
        put(n, "source", r.source());
        put(n, "algorithm", r.algorithm());
        put(n, "algorithmVersion", r.algorithmVersion());
        if (r.position() != null) {
            n.put("position", r.position());
        }
        if (r.confidence() != null) {
            n.put("confidence", r.confidence());
        }
        if (r.similarityScore() != null) {
            n.put("similarityScore", r.similarityScore());
        }
        n.put("randomized", r.randomized());
        Double p = propensities.of(r.source(), r.position());
        if (p != null) {
            n.put("propensity", p);
        }
        n.put("clicked", r.clicked());
        n.put("converted", o.converted());
        n.put("negativeFeedback", r.negativeFeedback());
        n.put("viewed", o.viewed());
        n.put("addedToWishlist", o.addedToWishlist());
        n.put("addedToCollection", o.addedToCollection());
        n.put("rated", o.rated());
        n.put("purchased", o.purchased());
        n.put("thumbsUp", r.thumbsUp());
        Long ttc = r.timeToClickMs();
        if (ttc != null) {
            n.put("timeToClickMs", ttc);
        }
        return n.toString();
    }

    /** The export's body: one line per impression, each ending with a line break. */
    public static String body(List<AttributedRow> rows, Propensities propensities, String key) {
        StringBuilder out = new StringBuilder();
        for (AttributedRow a : rows) {
            out.append(line(a, propensities, key)).append('\n');
        }
        return out.toString();
    }

    /** An export's body rewritten without some viewers: the new body, its lines, the lines removed. */
    public record Rewritten(String body, long rows, long removed) {}

    /**
     * The body without the lines whose viewer is one of these pseudonyms (an erased user's, ADR 0048); every other
     * line kept as it was, in its order.
     */
    public static Rewritten without(String body, java.util.Set<String> pseudonyms) {
        StringBuilder out = new StringBuilder(body.length());
        long rows = 0;
        long removed = 0;
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String viewer;
            try {
                viewer = READER.readTree(line).path("viewer").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a training export line is not JSON", e);
            }
            if (pseudonyms.contains(viewer)) {
                removed++;
            } else {
                out.append(line).append('\n');
                rows++;
            }
        }
        return new Rewritten(out.toString(), rows, removed);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    public static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
