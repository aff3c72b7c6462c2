package com.newsmell.collector.writekey;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A write key as the admin API shows it; {@code key} only in the answer to its creation, never again. */
@Schema(name = "WriteKey")
public record WriteKeyView(
        @Schema(description = "The key's id (a UUID): what DELETE /v1/write-keys/{id} revokes")
        String id,

        @Schema(description = "web, ios, android or server") String source,

        @Schema(description = "The key's first characters, to tell keys apart")
        String keyPrefix,

        @Schema(description = "Browser origins the key may be used from (\"*\": any); a request without Origin passes")
        List<String> allowedOrigins,

        @Schema(description = "Sustained requests per second, per replica")
        int ratePerSecond,

        @Schema(description = "Requests at once after a quiet period")
        int burst,

        Instant createdAt,

        @Schema(description = "When it was revoked; absent while live")
        Instant revokedAt,

        @Schema(description = "The key itself: in the answer to POST only (only its hash is stored)")
        String key) {

    static WriteKeyView of(StoredWriteKey stored, String key) {
        return new WriteKeyView(
                stored.id(),
                stored.source(),
                stored.keyPrefix(),
                stored.allowedOrigins(),
                stored.ratePerSecond(),
                stored.burst(),
                stored.createdAt(),
                stored.revokedAt(),
                key);
    }
}
