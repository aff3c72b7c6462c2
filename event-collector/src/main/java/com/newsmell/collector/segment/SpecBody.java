package com.newsmell.collector.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.ingest.RequestBodyReader;
import com.newsmell.collector.writekey.PresentedKey;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A Segment-spec request's body and write key (ADR 0060), pure: the body inflated when gzip-encoded (never more than
 * the limit plus one byte is inflated, so a zip bomb costs nothing), the limit applied to the inflated bytes (413,
 * rule {@code max-event-bytes} or {@code max-batch-bytes}), then the collector's strict UTF-8 JSON reading; the write
 * key from the Basic-auth user name, else the body's {@code writeKey} (what the browser SDK sends on its text/plain
 * short paths).
 */
public final class SpecBody {

    public static final String RULE_EVENT_BYTES = "max-event-bytes";
    public static final String RULE_BATCH_BYTES = "max-batch-bytes";

    private SpecBody() {}

    /** The body as JSON, inflated when {@code contentEncoding} is gzip; at most {@code maxBytes} inflated bytes. */
    public static JsonNode read(byte[] body, String contentEncoding, int maxBytes, String rule) {
        byte[] inflated = inflate(body == null ? new byte[0] : body, contentEncoding, maxBytes, rule);
        if (inflated.length > maxBytes) {
            throw tooLarge(maxBytes, rule);
        }
        return RequestBodyReader.read(inflated, maxBytes);
    }

    static byte[] inflate(byte[] body, String contentEncoding, int maxBytes, String rule) {
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new ProblemException(Problem.invalidParameter(
                    "", "encoding", "Content-Encoding '" + encoding + "' is not accepted: send gzip or none."));
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, maxBytes + 1));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge(maxBytes, rule);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ProblemException(
                    Problem.invalidParameter("", "encoding", "The body is not valid gzip (Content-Encoding: gzip)."));
        }
    }

    /** 413 naming the rule. */
    public static ProblemException tooLarge(int maxBytes, String rule) {
        Problem problem = RequestBodyReader.tooLarge(maxBytes);
        String detail = (rule.equals(RULE_EVENT_BYTES) ? "A message" : "A batch") + " is at most " + maxBytes
                + " bytes (inflated).";
        return new ProblemException(new Problem(
                problem.status(), problem.type(), problem.title(), detail, List.of(new Violation("", rule, detail))));
    }

    /**
     * The write key: the Basic-auth user name (Segment's and RudderStack's server libraries: {@code key:} in base64),
     * else the body's {@code writeKey}; null when neither.
     */
    public static String writeKey(String authorization, JsonNode body) {
        String user = PresentedKey.of(authorization, null);
        if (user != null && !user.isBlank()) {
            return user;
        }
        JsonNode key = body == null ? null : body.get("writeKey");
        return key != null && key.isTextual() && !key.textValue().isBlank() ? key.textValue() : null;
    }
}
