package com.newsmell.collector.writekey;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.query.EventQuery;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates, lists and revokes write keys (ADR 0065). */
@ApplicationScoped
public class WriteKeyService {

    static final Set<String> SOURCES = Set.of("web", "ios", "android", "server");
    static final int MAX_RATE = 1_000_000;
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final int MAX_ORIGINS = 100;

    private final WriteKeyRepository repository;
    private final HashedWriteKeys keys;
    private final WriteKeyConfig config;

    public WriteKeyService(WriteKeyRepository repository, HashedWriteKeys keys, WriteKeyConfig config) {
        this.repository = repository;
        this.keys = keys;
        this.config = config;
    }

    /** A new key for {"source", "allowedOrigins", "ratePerSecond", "burst"}; the answer is the one time it is shown. */
    @WithTransaction
    public Uni<WriteKeyView> create(JsonNode body) {
        StoredWriteKey stored = parse(body);
        String key = WriteKeyHashing.newKey();
        StoredWriteKey withPrefix = new StoredWriteKey(
                stored.key(),
                stored.ratePerSecond(),
                stored.burst(),
                WriteKeyHashing.displayPrefix(key),
                stored.createdAt(),
                null);
        return repository.insert(withPrefix, keys.hash(key)).map(v -> WriteKeyView.of(withPrefix, key));
    }

    /** The keys, revoked ones included, newest first: a keyset page. */
    @WithTransaction
    public Uni<Page<WriteKeyView>> list(int limit, String cursor) {
        EventQuery.Cursor after = EventQuery.Cursor.decode(cursor);
        return repository
                .page(limit, after == null ? null : after.timestamp(), after == null ? null : after.eventId())
                .map(rows -> Page.of(
                        rows,
                        limit,
                        row -> WriteKeyView.of(row, null),
                        row -> new EventQuery.Cursor(row.createdAt(), UUID.fromString(row.id())).encode()));
    }

    @WithTransaction
    public Uni<WriteKeyView> get(UUID id) {
        return repository.find(id).map(found -> WriteKeyView.of(found.orElseThrow(() -> notFound(id)), null));
    }

    /** Revokes the key: at once on this replica, within the cache TTL on the others. */
    @WithTransaction
    public Uni<WriteKeyView> revoke(UUID id) {
        return repository
                .revoke(id, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .chain(found -> {
                    if (!found) {
                        throw notFound(id);
                    }
                    keys.forget(id.toString());
                    return repository.find(id);
                })
                .map(found -> WriteKeyView.of(found.orElseThrow(() -> notFound(id)), null));
    }

    private StoredWriteKey parse(JsonNode body) {
        List<Violation> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ProblemException(Problem.invalidParameter("", "type", "The body must be a JSON object."));
        }
        JsonNode source = body.path("source");
        if (!source.isTextual() || !SOURCES.contains(source.asText())) {
            errors.add(new Violation("/source", "enum", "source must be one of web, ios, android, server."));
        }
        List<String> origins = new ArrayList<>();
        JsonNode allowed = body.path("allowedOrigins");
        if (!allowed.isMissingNode() && !allowed.isNull() && !allowed.isArray()) {
            errors.add(new Violation("/allowedOrigins", "type", "allowedOrigins must be an array of origins."));
        } else if (allowed.size() > MAX_ORIGINS) {
            errors.add(new Violation("/allowedOrigins", "max-items", "At most " + MAX_ORIGINS + " origins."));
        } else {
            for (int i = 0; i < allowed.size(); i++) {
                JsonNode o = allowed.get(i);
                if (o.isTextual() && ORIGIN.matcher(o.asText()).matches()) {
                    origins.add(o.asText());
                } else {
                    errors.add(new Violation(
                            "/allowedOrigins/" + i,
                            "origin",
                            "An origin is scheme://host[:port] (http or https, no path), or \"*\"."));
                }
            }
        }
        int rate = positive(body, "ratePerSecond", config.keyLimit().perSecond(), errors);
        int burst = positive(body, "burst", Math.max(rate, config.keyLimit().burst()), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The write key is invalid.", errors));
        }
        return new StoredWriteKey(
                new WriteKey(UUID.randomUUID().toString(), source.asText(), List.copyOf(origins)),
                rate,
                burst,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                null);
    }

    private static int positive(JsonNode body, String field, int fallback, List<Violation> errors) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isInt() || value.asInt() < 1 || value.asInt() > MAX_RATE) {
            errors.add(new Violation("/" + field, "range", field + " must be an integer from 1 to " + MAX_RATE + "."));
            return fallback;
        }
        return value.asInt();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", "No write key " + id + "."));
    }
}
