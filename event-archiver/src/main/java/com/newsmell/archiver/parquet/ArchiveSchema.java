package com.newsmell.archiver.parquet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The archive's file schema, version 2 (ADR 0031): every column of the raw store's {@code user_interaction_event} (V1
 * to V3 of event-collector, and V31's {@code schema_version_sent}: the SchemaVer an event was written against, issue
 * #20; version 1 lacked it), and V60's {@code anonymous_id} (the visitor's Segment anonymousId, issue #16; version 2
 * lacked it), in this order, with its DuckDB (Parquet) type. A raw store whose columns differ is
 * refused, so a new column is never silently left out of the archive: add it here and raise the version.
 */
public final class ArchiveSchema {

    public static final int VERSION = 3;

    /** How a column is read, written and fingerprinted. */
    public enum Kind {
        UUID("UUID"),
        TEXT("VARCHAR"),
        INT("INTEGER"),
        DOUBLE("DOUBLE"),
        BOOL("BOOLEAN"),
        TIME("TIMESTAMPTZ");

        public final String duckType;

        Kind(String duckType) {
            this.duckType = duckType;
        }
    }

    public record Column(String name, Kind kind) {}

    public static final List<Column> COLUMNS = List.of(
            new Column("event_id", Kind.UUID),
            new Column("schema_version", Kind.INT),
            new Column("user_id", Kind.TEXT),
            new Column("session_id", Kind.TEXT),
            new Column("event_type", Kind.TEXT),
            new Column("event_category", Kind.TEXT),
            new Column("timestamp", Kind.TIME),
            new Column("client_timestamp", Kind.TIME),
            new Column("sent_at", Kind.TIME),
            new Column("received_at", Kind.TIME),
            new Column("perfume_id", Kind.TEXT),
            new Column("house_id", Kind.TEXT),
            new Column("note_id", Kind.TEXT),
            new Column("recommendation_id", Kind.TEXT),
            new Column("event_data", Kind.TEXT),
            new Column("device_type", Kind.TEXT),
            new Column("browser", Kind.TEXT),
            new Column("os", Kind.TEXT),
            new Column("is_bot", Kind.BOOL),
            new Column("bot_reason", Kind.TEXT),
            new Column("user_agent", Kind.TEXT),
            new Column("referrer", Kind.TEXT),
            new Column("path", Kind.TEXT),
            new Column("ip_prefix", Kind.TEXT),
            new Column("location", Kind.TEXT),
            new Column("duration", Kind.INT),
            new Column("value", Kind.DOUBLE),
            new Column("page_scroll_position", Kind.DOUBLE),
            new Column("time_on_page", Kind.DOUBLE),
            new Column("source", Kind.TEXT),
            new Column("schema_version_sent", Kind.TEXT),
            new Column("anonymous_id", Kind.TEXT));

    private ArchiveSchema() {}

    /** The column list for a select: quoted names, event_data as text. */
    public static String selectList() {
        return COLUMNS.stream()
                .map(c -> c.name().equals("event_data") ? "cast(event_data as text) as event_data" : quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    /** DuckDB's create table statement for the staging table. */
    public static String duckTable(String table) {
        return "create table " + table + " ("
                + COLUMNS.stream()
                        .map(c -> quote(c.name()) + " " + c.kind().duckType)
                        .collect(Collectors.joining(", "))
                + ")";
    }

    public static List<String> names() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    static String quote(String name) {
        return '"' + name + '"';
    }
}
