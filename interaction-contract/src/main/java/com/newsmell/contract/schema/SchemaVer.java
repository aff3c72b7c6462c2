package com.newsmell.contract.schema;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema version in SchemaVer, {@code MODEL-REVISION-ADDITION} (ADR 0040): MODEL changes when no event of the
 * previous model can be assumed to pass, REVISION when a compatible change loosens existing fields, ADDITION when only
 * optional fields are added. Pure.
 */
public record SchemaVer(int model, int revision, int addition) implements Comparable<SchemaVer> {

    private static final Pattern FORMAT =
            Pattern.compile("^([1-9][0-9]{0,5})-(0|[1-9][0-9]{0,5})-(0|[1-9][0-9]{0,5})$");

    private static final Comparator<SchemaVer> ORDER = Comparator.comparingInt(SchemaVer::model)
            .thenComparingInt(SchemaVer::revision)
            .thenComparingInt(SchemaVer::addition);

    public SchemaVer {
        if (model < 1 || revision < 0 || addition < 0) {
            throw new IllegalArgumentException("not a SchemaVer: " + model + "-" + revision + "-" + addition);
        }
    }

    /** The version written {@code M-R-A} (e.g. {@code 2-0-1}); empty when the text is not one. */
    public static Optional<SchemaVer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SchemaVer(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** The same model, one revision on (addition back to 0). */
    public SchemaVer nextRevision() {
        return new SchemaVer(model, revision + 1, 0);
    }

    /** The same model and revision, one addition on. */
    public SchemaVer nextAddition() {
        return new SchemaVer(model, revision, addition + 1);
    }

    @Override
    public int compareTo(SchemaVer other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return model + "-" + revision + "-" + addition;
    }
}
