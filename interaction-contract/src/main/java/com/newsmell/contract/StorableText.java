package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Which strings can be stored as text (ADR 0014): not one holding a NUL character (PostgreSQL refuses it in
 * {@code text} and {@code jsonb}) nor a lone UTF-16 surrogate (it has no UTF-8 encoding, so it cannot be stored
 * losslessly). Everything else is text: 4-byte characters (a surrogate pair), right-to-left marks, combining marks.
 * Pure.
 */
public final class StorableText {

    private StorableText() {}

    /** The index of the first character that cannot be stored, or -1: a NUL, or a surrogate that is not in a pair. */
    public static int unstorableAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The rule a value breaks at {@link #unstorableAt}: {@code no-nul} or {@code utf-16}. */
    public static String rule(String value, int at) {
        return value.charAt(at) == '\u0000' ? Violation.RULE_NO_NUL : Violation.RULE_UTF_16;
    }

    /**
     * Reports every string of {@code node} (values at any depth, and member names) that cannot be stored, at its
     * RFC 6901 pointer below {@code pointer}; a bad member name is reported at its object, so that no answer ever
     * repeats the character. The message names the position, never the value.
     */
    static void check(JsonNode node, String pointer, List<Violation> violations) {
        if (node.isTextual()) {
            report(node.textValue(), pointer, "", violations);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (report(member.getKey(), pointer, "a member name of ", violations)) {
                    check(member.getValue(), pointer + "/" + Violation.escape(member.getKey()), violations);
                }
            }
        }
    }

    /** Adds the violation of {@code value}, if any; whether the value is storable. */
    private static boolean report(String value, String pointer, String what, List<Violation> violations) {
        int at = unstorableAt(value);
        if (at < 0) {
            return true;
        }
        String rule = rule(value, at);
        String where = pointer.isEmpty() ? "the event" : "'" + pointer + "'";
        violations.add(new Violation(
                pointer,
                rule,
                what + where + " holds "
                        + (Violation.RULE_NO_NUL.equals(rule) ? "a NUL character" : "a lone UTF-16 surrogate")
                        + " at position " + at + ", which cannot be stored as text"));
        return false;
    }
}
