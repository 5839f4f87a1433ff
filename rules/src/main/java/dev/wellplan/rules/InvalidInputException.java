package dev.wellplan.rules;

import java.util.List;

/** Input the rules refuse, with every violation named, so an API can answer 4xx rather than 500. */
public final class InvalidInputException extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
