package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.schema.SchemaVer;

/**
 * The schema version a submitted event names in its envelope's {@code schemaVersion} (ADR 0040): a SchemaVer
 * ({@code "2-1-0"}), or, as clients wrote it before SchemaVer, an integer model {@code N}, which means {@code N-0-0}
 * (the version every client of model N was written against at least; within a model later revisions and additions
 * read it the same). Its model must be one the collector reads, 1..{@link UserInteractionEvent#CURRENT_SCHEMA_VERSION}.
 *
 * @param version the version written against ({@code N-0-0} for an integer N)
 * @param sent what the client sent, as text ({@code "2-1-0"} or {@code "2"}), kept in the raw store
 */
public record WrittenAgainst(SchemaVer version, String sent) {

    private static final String FIELD = "schemaVersion";

    public int model() {
        return version.model();
    }

    /** The envelope's schemaVersion, or {@code null} when absent or invalid (then a violation is recorded). */
    public static WrittenAgainst read(FieldReader r) {
        if (!r.present(FIELD)) {
            return null;
        }
        JsonNode n = r.object().get(FIELD);
        if (n.isTextual()) {
            SchemaVer version = SchemaVer.parse(n.textValue()).orElse(null);
            if (version == null) {
                r.violation(
                        FIELD,
                        Violation.RULE_FORMAT,
                        "'schemaVersion' must be a SchemaVer MODEL-REVISION-ADDITION (e.g. \"2-1-0\") or an integer"
                                + " model");
                return null;
            }
            return inRange(r, version) ? new WrittenAgainst(version, n.textValue()) : null;
        }
        Integer model = r.integer(FIELD, 1, UserInteractionEvent.CURRENT_SCHEMA_VERSION);
        return model == null ? null : new WrittenAgainst(new SchemaVer(model, 0, 0), String.valueOf(model));
    }

    private static boolean inRange(FieldReader r, SchemaVer version) {
        if (version.model() > UserInteractionEvent.CURRENT_SCHEMA_VERSION) {
            r.violation(
                    FIELD,
                    Violation.RULE_RANGE,
                    "'schemaVersion' names model " + version.model() + "; the models are 1.."
                            + UserInteractionEvent.CURRENT_SCHEMA_VERSION);
            return false;
        }
        return true;
    }
}
