package dev.wellplan.contract;

/** A record on the plan-events topic that cannot be applied: it belongs on the dead-letter topic. */
public class InvalidPlanEventException extends RuntimeException {
    public InvalidPlanEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
