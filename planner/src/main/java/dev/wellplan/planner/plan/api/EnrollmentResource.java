package dev.wellplan.planner.plan.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.wellplan.planner.plan.service.EnrollmentService;
import dev.wellplan.planner.plan.service.IdempotentReplay;
import dev.wellplan.planner.plan.service.PlanQueries;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.rules.Assessment;

@Path("/api/enrollments")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final EnrollmentReader reader;
    private final EnrollmentService enrollments;
    private final PlanQueries queries;
    private final ObjectMapper canonical;

    public EnrollmentResource(EnrollmentReader reader, EnrollmentService enrollments, PlanQueries queries,
                        ObjectMapper mapper) {
        this.reader = reader;
        this.enrollments = enrollments;
        this.queries = queries;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Enrolls a client: the assessment in, the plan out, at most once per Idempotency-Key. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enroll(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > EnrollmentReader.MAX_BODY_BYTES) {
            throw new ProblemException(413, "Payload too large",
                    "an assessment is at most " + EnrollmentReader.MAX_BODY_BYTES + " bytes", List.of());
        }
        String key = checkKey(idempotencyKey);
        Assessment assessment = reader.read(body);
        String hash = key == null ? null : requestHash(body);
        boolean replayed = false;
        UUID planId;
        var earlier = key == null ? null : enrollments.findByIdempotencyKey(key).orElse(null);
        if (earlier != null) {
            planId = sameRequestOrConflict(earlier.planId(), earlier.requestHash(), hash);
            replayed = true;
        } else {
            try {
                planId = enrollments.enroll(assessment, key, hash);
            } catch (IdempotentReplay raced) {
                planId = sameRequestOrConflict(raced.planId(), raced.requestHash(), hash);
                replayed = true;
            }
        }
        PlanView plan = queries.find(planId).orElseThrow();
        // product.md: the Location is the plan's path on this service, as the client will GET it
        Response.ResponseBuilder created = Response.status(Response.Status.CREATED)
                .header("Location", "/api/plans/" + planId)
                .tag(PlanResource.etag(plan))
                .entity(plan);
        if (replayed) {
            created.header("Idempotent-Replayed", "true");
        }
        return created.build();
    }

    private static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(List.of(new FieldError(IDEMPOTENCY_KEY,
                    "must be 1 to 200 characters, for example a UUID")));
        }
        return key;
    }

    private static UUID sameRequestOrConflict(UUID planId, String earlierHash, String hash) {
        if (!earlierHash.equals(hash)) {
            throw new ProblemException(422, "Idempotency key reused",
                    "this Idempotency-Key was used for a different assessment", List.of(
                    new FieldError(IDEMPOTENCY_KEY, "already used with another request body")));
        }
        return planId;
    }

    private String requestHash(String body) {
        try {
            Object tree = canonical.readValue(body, Object.class);
            byte[] bytes = canonical.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a request that was already parsed", e);
        }
    }
}
