package dev.wellplan.planner.refusal;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.rules.Adjustment;
import dev.wellplan.support.problem.Problem;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemMappers;

/** The plan use cases' refusals as RFC 9457 problems: the API's whole translation of a "no". */
public class RefusalProblems {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IF_MATCH = "If-Match";
    /** The member of a 412 problem that says which version the plan is at now. */
    public static final String CURRENT_VERSION = "currentVersion";
    /** The member of a refused adjustment's problem listing every reason: operation index, item, rule ids, words. */
    public static final String REFUSALS = "refusals";

    @ServerExceptionMapper
    public Response refused(Refusal refusal, UriInfo uri) {
        Response response = ProblemMappers.respond(problem(refusal, uri.getPath()));
        if (refusal instanceof Refusal.TooMany tooMany) {
            long seconds = Math.max(1, tooMany.retryAfter().toSeconds());
            return Response.fromResponse(response).header("Retry-After", String.valueOf(seconds)).build();
        }
        return response;
    }

    static Problem problem(Refusal refusal, String path) {
        if (refusal instanceof Refusal.NotFound) {
            return problem(404, "Not Found", refusal, path, List.of());
        }
        if (refusal instanceof Refusal.Invalid invalid) {
            return problem(400, "Invalid request", refusal, path,
                    invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        if (refusal instanceof Refusal.Unprocessable unprocessable) {
            return problem(422, "Unprocessable request", refusal, path,
                    unprocessable.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        if (refusal instanceof Refusal.Conflict) {
            return problem(409, "Conflict", refusal, path, List.of());
        }
        if (refusal instanceof Refusal.TooMany) {
            return problem(429, "Too Many Requests", refusal, path, List.of());
        }
        if (refusal instanceof Refusal.IdempotencyKeyReused) {
            return problem(422, "Idempotency key reused", refusal, path,
                    List.of(new FieldError(IDEMPOTENCY_KEY, "already used with another request body")));
        }
        if (refusal instanceof Refusal.Stale stale) {
            return new Problem("about:blank", "Precondition Failed", 412, refusal.getMessage(), path,
                    List.of(new FieldError(IF_MATCH, "the plan is at version " + stale.currentVersion())),
                    Map.of(CURRENT_VERSION, stale.currentVersion()));
        }
        if (refusal instanceof Refusal.RulesRefused refused) {
            return new Problem("about:blank", "Refused by the plan rules", 422, refusal.getMessage(), path,
                    refused.reasons().stream().map(RefusalProblems::fieldError).toList(),
                    Map.of(REFUSALS, refused.reasons()));
        }
        throw new IllegalStateException("no problem for " + refusal.getClass().getSimpleName());
    }

    /** {@code operations[2]}: "SAFE-2: deep tissue ... (massage-2)". */
    private static FieldError fieldError(Adjustment.Refusal reason) {
        String rules = reason.ruleIds().isEmpty() ? "" : String.join(", ", reason.ruleIds()) + ": ";
        String item = reason.itemId() == null ? "" : " (" + reason.itemId() + ")";
        return new FieldError("operations[" + reason.operationIndex() + "]", rules + reason.message() + item);
    }

    private static Problem problem(int status, String title, Refusal refusal, String path, List<FieldError> errors) {
        return new Problem("about:blank", title, status, refusal.getMessage(), path, errors);
    }
}
