package dev.wellplan.planner.plan.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.rules.Operation;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The rules' operations as JSON, the way {@code POST /api/plans/{id}/adjustments} takes them and the history
 * shows them: each record's fields, with {@code op} naming the operation ({@code {"op": "moveItem", "itemId":
 * "massage-2", "date": "2027-01-09"}}). Registered on the application's ObjectMapper, so the API, the stored
 * revisions and the history all write and read the one form.
 */
@Singleton
public class OperationJson implements ObjectMapperCustomizer {

    /** The member that names an operation. */
    public static final String PROPERTY = "op";

    /** The name of each operation, in the order the API documents them. */
    public static final Map<String, Class<? extends Operation>> NAMES = names();

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = PROPERTY)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Operation.MoveItem.class, name = "moveItem"),
            @JsonSubTypes.Type(value = Operation.ChangeMassage.class, name = "changeMassage"),
            @JsonSubTypes.Type(value = Operation.SwapExercise.class, name = "swapExercise"),
            @JsonSubTypes.Type(value = Operation.ProgressExercise.class, name = "progressExercise"),
            @JsonSubTypes.Type(value = Operation.RegressExercise.class, name = "regressExercise"),
            @JsonSubTypes.Type(value = Operation.AddStrengthDay.class, name = "addStrengthDay"),
            @JsonSubTypes.Type(value = Operation.RemoveItem.class, name = "removeItem"),
            @JsonSubTypes.Type(value = Operation.Pause.class, name = "pause"),
            @JsonSubTypes.Type(value = Operation.Resume.class, name = "resume"),
            @JsonSubTypes.Type(value = Operation.Cancel.class, name = "cancel"),
            @JsonSubTypes.Type(value = Operation.ChangeSchedule.class, name = "changeSchedule")})
    interface Named {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Operation.class, Named.class);
    }

    /** The {@code op} of an operation, e.g. {@code moveItem}. */
    public static String name(Operation operation) {
        return NAMES.entrySet().stream().filter(e -> e.getValue() == operation.getClass()).findFirst()
                .map(Map.Entry::getKey).orElseThrow();
    }

    private static Map<String, Class<? extends Operation>> names() {
        Map<String, Class<? extends Operation>> names = new LinkedHashMap<>();
        for (JsonSubTypes.Type type : Named.class.getAnnotation(JsonSubTypes.class).value()) {
            names.put(type.name(), type.value().asSubclass(Operation.class));
        }
        return Collections.unmodifiableMap(names);
    }
}
