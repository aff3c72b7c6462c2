package com.newsmell.contract;

import java.util.List;

/**
 * Outcome of {@link EventParser#parse}.
 *
 * @param event the parsed event, {@code null} when there is at least one violation
 * @param violations all violations found, empty when valid (unmodifiable)
 */
public record ParseResult(UserInteractionEvent event, List<Violation> violations) {

    public ParseResult {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
