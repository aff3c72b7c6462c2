package com.newsmell.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Typed, violation-collecting accessors over a Jackson {@link ObjectNode}. Used by {@link EventDataReader} and
 * {@link com.newsmell.contract.EventParser}; not intended as general API.
 *
 * <p>Conventions: an absent field and an explicit JSON {@code null} are both "absent" and yield {@code null}
 * without a violation. A present field of the wrong JSON type yields rule {@code type}; a value out of its
 * allowed range yields {@code range}; a string outside its closed set yields {@code enum}. On any violation
 * the accessor returns {@code null}. Pointers are {@code base + "/" + escaped(field)}.
 */
public final class FieldReader {

    private final ObjectNode object;
    private final String base;
    private final List<Violation> violations;

    /**
     * The reader of a whole document: null, with the violation added, when it is not a JSON object ("{@code what}
     * must be a JSON object") or holds text that cannot be stored (StorableText's rules).
     */
    public static FieldReader root(JsonNode node, String what, List<Violation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new Violation("", Violation.RULE_TYPE, what + " must be a JSON object"));
            return null;
        }
        int before = violations.size();
        StorableText.check(node, "", violations);
        return violations.size() > before ? null : new FieldReader((ObjectNode) node, "", violations);
    }

    public FieldReader(ObjectNode object, String base, List<Violation> violations) {
        this.object = object;
        this.base = base;
        this.violations = violations;
    }

    public ObjectNode object() {
        return object;
    }

    /** The list this reader reports to. */
    List<Violation> violations() {
        return violations;
    }

    public String pointer(String field) {
        return base + "/" + Violation.escape(field);
    }

    /** True when the field exists and is not JSON null. */
    public boolean present(String field) {
        JsonNode n = object.get(field);
        return n != null && !n.isNull();
    }

    public void violation(String field, String rule, String message) {
        violations.add(new Violation(pointer(field), rule, message));
    }

    /** Reports {@code required} when the field is absent (or null). Returns whether it is present. */
    public boolean require(String field) {
        if (!present(field)) {
            violation(field, Violation.RULE_REQUIRED, "'" + field + "' is required");
            return false;
        }
        return true;
    }

    public String string(String field) {
        return string(field, Integer.MAX_VALUE);
    }

    /**
     * A string of at most {@code maxLength} characters, counted as JSON Schema's {@code maxLength} counts them:
     * Unicode code points, so a character outside the BMP (an emoji) is one, not two UTF-16 units (ADR 0040).
     */
    public String string(String field, int maxLength) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!n.isTextual()) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be a string");
            return null;
        }
        String s = n.textValue();
        if (s.length() > maxLength && s.codePointCount(0, s.length()) > maxLength) {
            violation(field, Violation.RULE_MAX_LENGTH, "'" + field + "' must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    /** A string or number (numbers are returned in their JSON text form). */
    public String stringOrNumber(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber()) {
            return n.asText();
        }
        violation(field, Violation.RULE_TYPE, "'" + field + "' must be a string");
        return null;
    }

    public String enumString(String field, Set<String> allowed) {
        String s = string(field);
        if (s != null && !allowed.contains(s)) {
            violation(field, Violation.RULE_ENUM, "'" + field + "' must be one of " + sorted(allowed));
            return null;
        }
        return s;
    }

    public Boolean bool(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!n.isBoolean()) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be a boolean");
            return null;
        }
        return n.booleanValue();
    }

    /** An integral JSON number (a float with a zero fraction such as {@code 3.0} is accepted). */
    public Long integral(String field, long min, long max) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!isIntegral(n)) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be an integer");
            return null;
        }
        if (!n.canConvertToLong()) {
            violation(
                    field,
                    Violation.RULE_RANGE,
                    rangeMessage(field, fmt(min), max == Long.MAX_VALUE ? null : fmt(max)));
            return null;
        }
        long v = n.asLong();
        if (v < min || v > max) {
            violation(
                    field,
                    Violation.RULE_RANGE,
                    rangeMessage(field, fmt(min), max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? null : fmt(max)));
            return null;
        }
        return v;
    }

    public Integer integer(String field, int min, int max) {
        Long v = integral(field, min, max);
        return v == null ? null : v.intValue();
    }

    /** Non-negative int. */
    public Integer count(String field) {
        return integer(field, 0, Integer.MAX_VALUE);
    }

    public Double number(String field, double min, double max) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!n.isNumber()) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be a number");
            return null;
        }
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < min || v > max) {
            violation(
                    field,
                    Violation.RULE_RANGE,
                    rangeMessage(field, fmt(min), max == Double.MAX_VALUE ? null : fmt(max)));
            return null;
        }
        return v;
    }

    /**
     * A non-negative JSON number, decimals allowed: the seed's {@code number} (a JavaScript number, an IEEE-754
     * double), so every value a JavaScript client can send is kept exactly.
     */
    public Double nonNegativeNumber(String field) {
        return number(field, 0, Double.MAX_VALUE);
    }

    public ObjectNode objectField(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!n.isObject()) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be an object");
            return null;
        }
        return (ObjectNode) n;
    }

    /** A nested reader for an object-valued field, or {@code null} when absent or not an object. */
    public FieldReader nested(String field) {
        ObjectNode o = objectField(field);
        return o == null ? null : new FieldReader(o, pointer(field), violations);
    }

    /**
     * A nested reader for an object-valued field, or {@code null} when absent or not an object; reports nothing
     * (for a second pass over fields {@link #nested} has checked).
     */
    public FieldReader nestedObject(String field) {
        JsonNode n = object.get(field);
        return n != null && n.isObject() ? new FieldReader((ObjectNode) n, pointer(field), violations) : null;
    }

    /** True when the field is absent, null or a blank string (a wrong type is no absence: it is reported as such). */
    public boolean absentOrBlank(String field) {
        if (!present(field)) {
            return true;
        }
        JsonNode n = object.get(field);
        return n.isTextual() && n.textValue().isBlank();
    }

    /** An array of strings; each bad element yields a {@code type} violation at its index. */
    public List<String> stringList(String field) {
        if (!present(field)) {
            return null;
        }
        JsonNode n = object.get(field);
        if (!n.isArray()) {
            violation(field, Violation.RULE_TYPE, "'" + field + "' must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>(n.size());
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                violations.add(new Violation(
                        pointer(field) + "/" + i, Violation.RULE_TYPE, "'" + field + "' elements must be strings"));
                ok = false;
            } else {
                out.add(e.textValue());
            }
        }
        return ok ? Collections.unmodifiableList(out) : null;
    }

    /** True for integral numbers and for floating point numbers without a fractional part. */
    public static boolean isIntegral(JsonNode n) {
        if (n.isIntegralNumber()) {
            return true;
        }
        if (n.isFloatingPointNumber()) {
            if (n.isBigDecimal()) {
                return n.decimalValue().stripTrailingZeros().scale() <= 0;
            }
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }
        return false;
    }

    private static String rangeMessage(String field, String min, String max) {
        return max == null
                ? "'" + field + "' must be >= " + min
                : "'" + field + "' must be between " + min + " and " + max;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        Collections.sort(l);
        return l;
    }
}
