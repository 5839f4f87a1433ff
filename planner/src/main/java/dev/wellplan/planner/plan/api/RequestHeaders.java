package dev.wellplan.planner.plan.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.refusal.RefusalProblems;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;

/** The request headers the plan routes read: Idempotency-Key and If-Match, checked once for all of them. */
public final class RequestHeaders {

    /** Set on an answer that repeats the first answer to an Idempotency-Key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** A plan's ETag, as {@link PlanResource#etag} writes it: its version in quotes. */
    private static final Pattern VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private RequestHeaders() {
    }

    /** The Idempotency-Key, if the request has one. @throws ProblemException 400 for one that is empty or too long */
    public static Optional<String> idempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(List.of(new FieldError(RefusalProblems.IDEMPOTENCY_KEY,
                    "must be 1 to 200 characters, for example a UUID")));
        }
        return Optional.of(key);
    }

    /**
     * The plan version a change was decided on: the ETag the caller read, in {@code If-Match}.
     *
     * @throws ProblemException 428 without one (or with {@code *}, which would skip the check), 400 for one that is
     *                          not a plan's ETag
     */
    public static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ProblemException(428, "Precondition Required", "send If-Match with the ETag of the plan you "
                    + "read (GET /api/plans/{id}), so that a change made meanwhile is not overwritten",
                    List.of(new FieldError(RefusalProblems.IF_MATCH, "is required: the plan's ETag, e.g. \"3\"")));
        }
        Matcher tag = VERSION_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw ProblemException.invalid(List.of(new FieldError(RefusalProblems.IF_MATCH,
                    "must be the plan's ETag as GET /api/plans/{id} sent it, e.g. \"3\"")));
        }
        return Long.parseLong(tag.group(1));
    }

    /** Marks an answer that repeats an earlier one. */
    public static Response.ResponseBuilder replayed(Response.ResponseBuilder answer, boolean replayed) {
        return replayed ? answer.header(REPLAYED, "true") : answer;
    }
}
