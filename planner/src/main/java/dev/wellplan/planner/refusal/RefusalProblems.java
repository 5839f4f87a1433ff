package dev.wellplan.planner.refusal;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.problem.Problem;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemMappers;

/** The plan use cases' refusals as RFC 9457 problems: the API's whole translation of a "no". */
public class RefusalProblems {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
        if (refusal instanceof Refusal.Stale stale) {
            return problem(412, "Precondition Failed", refusal, path, List.of(new FieldError("If-Match",
                    "the plan is at version " + stale.currentVersion())));
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
        throw new IllegalStateException("no problem for " + refusal.getClass().getSimpleName());
    }

    private static Problem problem(int status, String title, Refusal refusal, String path, List<FieldError> errors) {
        return new Problem("about:blank", title, status, refusal.getMessage(), path, errors);
    }
}
