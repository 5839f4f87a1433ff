package dev.wellplan.planner.refusal;

import java.time.Duration;
import java.util.List;

import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.Violation;

/**
 * Why a planner use case said no. Each refusal rolls back what its transaction began; the API answers each
 * with its own problem (and the pages with their own words), so the use cases know nothing of HTTP.
 */
public abstract sealed class Refusal extends RuntimeException {

    private Refusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace
    }

    /** Nothing has this id (or the id is not one); for a plan the caller may not see, too, so as not to tell. */
    public static final class NotFound extends Refusal {
        public NotFound(String what) {
            super(what + " does not exist");
        }

        public static NotFound plan(Object planId) {
            return new NotFound("plan " + planId);
        }
    }

    /** The request breaks the rules' input checks; every offending field is named. */
    public static final class Invalid extends Refusal {
        private final List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                    : violations.size() + " fields are invalid");
            this.violations = List.copyOf(violations);
        }

        public static Invalid of(String field, String message) {
            return new Invalid(List.of(new Violation(field, message)));
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /**
     * The request is well formed, but names something the plan does not have as the request needs it (a check-in on
     * a session that has not taken place, a proposal the rules refuse now); every offending field is named.
     */
    public static final class Unprocessable extends Refusal {
        private final List<Violation> violations;

        public Unprocessable(List<Violation> violations) {
            super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                    : violations.size() + " fields cannot be processed");
            this.violations = List.copyOf(violations);
        }

        public static Unprocessable of(String field, String message) {
            return new Unprocessable(List.of(new Violation(field, message)));
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** The plan is in a state that does not allow this change (e.g. clearance for a plan not awaiting it). */
    public static final class Conflict extends Refusal {
        public Conflict(String message) {
            super(message);
        }
    }

    /** Too many requests of this kind lately: try again after {@link #retryAfter()}. */
    public static final class TooMany extends Refusal {
        private final Duration retryAfter;

        public TooMany(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** An Idempotency-Key already used for a different request. */
    public static final class IdempotencyKeyReused extends Refusal {
        public IdempotencyKeyReused() {
            super("this Idempotency-Key was used for a different request");
        }
    }

    /** The change was asked of a version the plan has moved on from: read it again, and decide again. */
    public static final class Stale extends Refusal {
        private final long currentVersion;

        public Stale(long currentVersion) {
            super("the plan has changed: it is at version " + currentVersion
                    + " now; read it again and make the change from there");
            this.currentVersion = currentVersion;
        }

        public long currentVersion() {
            return currentVersion;
        }
    }

    /** The plan rules refused a coach's adjustment; every reason at once, each naming its operation. */
    public static final class RulesRefused extends Refusal {
        private final List<Adjustment.Refusal> reasons;

        public RulesRefused(List<Adjustment.Refusal> reasons) {
            super(reasons.size() == 1 ? reasons.get(0).message()
                    : reasons.size() + " reasons refuse this adjustment; nothing was changed");
            this.reasons = List.copyOf(reasons);
        }

        public List<Adjustment.Refusal> reasons() {
            return reasons;
        }
    }
}
