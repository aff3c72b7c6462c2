package com.newsmell.contract;

import java.util.List;

/** Thrown by {@link EventCodec#fromJson} when the input is not JSON or not a valid event. */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        this(violations, null);
    }

    public InvalidEventException(List<Violation> violations, Throwable cause) {
        super(summary(violations), cause);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder("invalid interaction event");
        int n = 0;
        for (Violation v : violations) {
            sb.append(n == 0 ? ": " : "; ").append(v);
            if (++n == 5 && violations.size() > 5) {
                sb.append("; ... (").append(violations.size() - 5).append(" more)");
                break;
            }
        }
        return sb.toString();
    }
}
