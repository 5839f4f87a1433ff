package dev.wellplan.planner.plan.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.planner.plan.app.AdjustmentRequest;
import dev.wellplan.rules.Operation;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;

/**
 * The body of {@code POST /api/plans/{id}/adjustments} into an {@link AdjustmentRequest}, or a 400 problem naming
 * the field ({@code operations[2].date}): malformed JSON, an unknown {@code op} or field, a wrong type, an
 * operation without a field it cannot do without. Whether the operations make sense for the plan is the rules'
 * to say (422).
 */
@ApplicationScoped
public class AdjustmentReader {

    /** A few operations take well under a kilobyte; fifty fit in this many times over. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** As the issue gives it; {@code notifyClient} is true and {@code dryRun} false unless said otherwise. */
    public record Body(String reason, Boolean notifyClient, Boolean dryRun, List<Operation> operations) {
    }

    /** What each operation cannot do without (the rest may be left out: "leave as it is"). */
    private static final Map<Class<? extends Operation>, Set<String>> REQUIRED = Map.of(
            Operation.MoveItem.class, Set.of("itemId", "date"),
            Operation.ChangeMassage.class, Set.of("itemId"),
            Operation.SwapExercise.class, Set.of("itemId", "exercise", "with"),
            Operation.ProgressExercise.class, Set.of("exercise"),
            Operation.RegressExercise.class, Set.of("exercise"),
            Operation.AddStrengthDay.class, Set.of("date"),
            Operation.RemoveItem.class, Set.of("itemId"),
            Operation.Pause.class, Set.of("from"));

    private final JsonBodies json;

    public AdjustmentReader(JsonBodies json) {
        this.json = json;
    }

    public AdjustmentRequest read(String body) {
        Body b = json.read(body, Body.class, MAX_BODY_BYTES);
        List<FieldError> errors = new ArrayList<>();
        List<Operation> operations = b.operations() == null ? List.of() : b.operations();
        for (int i = 0; i < operations.size(); i++) {
            missing(operations.get(i), "operations[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AdjustmentRequest(b.reason(), b.notifyClient() == null || b.notifyClient(),
                b.dryRun() != null && b.dryRun(), operations);
    }

    private static void missing(Operation op, String path, List<FieldError> errors) {
        if (op == null) {
            errors.add(new FieldError(path, "must be an operation, not null"));
            return;
        }
        Set<String> required = REQUIRED.getOrDefault(op.getClass(), Set.of());
        for (RecordComponent field : op.getClass().getRecordComponents()) {
            if (required.contains(field.getName()) && value(field, op) == null) {
                errors.add(new FieldError(path + "." + field.getName(), "is required"));
            }
        }
    }

    private static Object value(RecordComponent field, Operation op) {
        try {
            return field.getAccessor().invoke(op);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.getName(), e);
        }
    }
}
