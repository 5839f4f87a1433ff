package dev.wellplan.planner.plan.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wellplan.planner.plan.app.AssessmentSummary;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.rules.Exercise;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.MassageType;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.support.problem.Problem.FieldError;
import io.quarkus.qute.TemplateData;

/**
 * The coach's adjustment forms ({@link PageForm}): one operation per form, its fields named as the API names them
 * ({@code quietHours.from} for the nested member), so a form becomes the very body
 * {@code POST /api/plans/{id}/adjustments} takes, read by the same reader and checked by the same rules, and every
 * error lands on its own field.
 */
final class AdjustmentForm {

    /** What each operation takes from its form; the rest of the form is not sent. */
    static final Map<String, List<String>> FIELDS = fields();
    /** The form (its section of the page) each operation is made in: progress and regress share one. */
    static final Map<String, String> SECTIONS = sections();
    static final List<String> NUMBERS = List.of("durationMinutes");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    /** The API's path of the form's one operation, to name its errors by the form's own fields. */
    private static final String OPERATION = "operations[0]";

    /** What the forms offer to choose from, for one plan. */
    @TemplateData
    record Choices(List<Words.Option> items, List<Words.Option> massages, List<Words.Option> workouts,
                   List<Words.Option> exercises, List<Words.Option> catalogue, List<Words.Option> ladder,
                   List<Words.Option> types, List<Words.Option> pressures, List<Words.Option> zones) {
    }

    /**
     * The forms of a page: on the plan's page every one of them, blank; on the adjustment page the one the coach
     * posted ({@code section}), as posted, with the rules it may set aside ({@code overrides}: those that refused it
     * and those already ticked), each set aside only with a reason.
     */
    @TemplateData
    record Forms(UUID planId, PageForm form, String section, List<Words.Option> overrides) {

        public boolean all() {
            return section == null;
        }

        public boolean shows(String id) {
            return section == null || section.equals(id);
        }
    }

    private AdjustmentForm() {
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("moveItem", List.of("itemId", "date", "time"));
        fields.put("changeMassage", List.of("itemId", "type", "pressure", "durationMinutes"));
        fields.put("swapExercise", List.of("itemId", "exercise", "with"));
        fields.put("progressExercise", List.of("exercise"));
        fields.put("regressExercise", List.of("exercise"));
        fields.put("addStrengthDay", List.of("date"));
        fields.put("removeItem", List.of("itemId"));
        fields.put("pause", List.of("from", "until"));
        fields.put("resume", List.of());
        fields.put("cancel", List.of());
        fields.put("changeSchedule", List.of("timeZone", "quietHours.from", "quietHours.to", "massageTime",
                "exerciseTime"));
        return fields;
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("moveItem", "move");
        sections.put("changeMassage", "massage");
        sections.put("swapExercise", "swap");
        sections.put("progressExercise", "ladder");
        sections.put("regressExercise", "ladder");
        sections.put("addStrengthDay", "add");
        sections.put("removeItem", "remove");
        sections.put("pause", "pause");
        sections.put("resume", "resume");
        sections.put("cancel", "cancel");
        sections.put("changeSchedule", "schedule");
        return sections;
    }

    /** Every form of the plan's page, blank: the client told, the schedule as it is now. */
    static Forms blank(PlanView plan, AssessmentSummary answers) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("op", List.of("progressExercise"));
        values.put("type", List.of(""));
        values.put("pressure", List.of(""));
        values.put("timeZone", List.of(plan.timeZone()));
        values.put("quietHours.from", time(answers.quietFrom()));
        values.put("quietHours.to", time(answers.quietTo()));
        values.put("massageTime", time(answers.massageTime()));
        values.put("exerciseTime", time(answers.exerciseTime()));
        values.put("notifyClient", List.of("yes"));
        values.put("version", List.of(String.valueOf(plan.version())));
        return new Forms(plan.id(), new PageForm(values, Map.of(), null), null, List.of());
    }

    /** The one form the coach posted, as posted, offering to set aside {@code overridable} and what is ticked. */
    static Forms posted(UUID planId, PageForm form, List<String> overridable) {
        List<String> offered = new ArrayList<>(overridable);
        form.values().getOrDefault("override", List.of()).stream()
                .filter(id -> PlanRules.overridableRules().contains(id) && !offered.contains(id)).forEach(offered::add);
        List<Words.Option> overrides = offered.stream().sorted()
                .map(id -> new Words.Option(id, id + ": " + Words.rule(id), null)).toList();
        return new Forms(planId, form, section(form), overrides);
    }

    /** The section of the form's operation, or null for no operation the forms offer. */
    static String section(PageForm form) {
        return SECTIONS.get(form.value("op"));
    }

    private static List<String> time(LocalTime time) {
        return time == null ? List.of() : List.of(Timeline.TIME.format(time));
    }

    /** The same form, with a new key: what a preview offers to apply is a request of its own. */
    static PageForm withNewKey(PageForm form) {
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        values.put("idempotencyKey", List.of(UUID.randomUUID().toString()));
        return new PageForm(values, form.errors(), form.general());
    }

    /** The body the API takes: the reason, whether the client is told, and the one operation with its fields. */
    static String toJson(PageForm form, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        String reason = form.value("reason").strip();
        if (!reason.isEmpty()) {
            root.put("reason", reason);
        }
        root.put("notifyClient", form.checked("notifyClient", "yes"));
        ObjectNode op = root.putArray("operations").addObject();
        String name = form.value("op");
        if (!name.isBlank()) {
            op.put("op", name);
        }
        for (String field : FIELDS.getOrDefault(name, List.of())) {
            String value = form.value(field).strip();
            if (value.isEmpty()) {
                continue;
            }
            ObjectNode parent = EnrollmentForm.parent(op, field);
            String leaf = EnrollmentForm.leaf(field);
            if (NUMBERS.contains(field) && WHOLE.matcher(value).matches()) {
                parent.put(leaf, Integer.parseInt(value));
            } else {
                parent.put(leaf, value);
            }
        }
        List<String> overrides = form.values().getOrDefault("override", List.of());
        if (!overrides.isEmpty()) {
            overrides.forEach(op.putArray("override")::add);
        }
        return root.toString();
    }

    /** The version the coach decided on, or -1 for a form without one (refused as stale). */
    static long version(PageForm form) {
        return version(form.value("version"));
    }

    /** A form's {@code version} field (the plan's ETag it was made on); -1, which no plan is at, when it is none. */
    static long version(String version) {
        return version != null && WHOLE.matcher(version).matches() ? Long.parseLong(version) : -1;
    }

    /** The API's errors named by the form's fields: {@code operations[0].date} is the form's {@code date}. */
    static List<FieldError> onFields(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(field(e.field()), e.message())).toList();
    }

    private static String field(String path) {
        if (path.equals(OPERATION) || path.equals("operations")) {
            return "op";
        }
        return path.startsWith(OPERATION + ".") ? path.substring(OPERATION.length() + 1) : path;
    }

    /** The choices for this plan: only the items that have not started, and that a coach may move or change. */
    static Choices choices(PlanView plan, LocalDateTime now) {
        List<PlanItem> ahead = plan.items().stream().filter(i -> !i.start().isBefore(now)).toList();
        List<Words.Option> items = options(ahead, ItemKind.MASSAGE, ItemKind.STRENGTH, ItemKind.SELF_MASSAGE);
        List<Words.Option> workouts = options(ahead, ItemKind.STRENGTH);
        Map<String, String> exercises = new LinkedHashMap<>();
        ahead.stream().filter(i -> i.kind() == ItemKind.STRENGTH).flatMap(i -> i.exercises().stream())
                .forEach(e -> exercises.putIfAbsent(e.id(), e.name()));
        return new Choices(items, options(ahead, ItemKind.MASSAGE), workouts,
                exercises.entrySet().stream().map(e -> new Words.Option(e.getKey(), e.getValue(), null)).toList(),
                PlanRules.strengthExercises().stream().map(AdjustmentForm::option).toList(), LADDER,
                asItIs(TYPES), asItIs(Words.PRESSURES), ZONES);
    }

    private static List<Words.Option> options(List<PlanItem> items, ItemKind... kinds) {
        List<ItemKind> wanted = List.of(kinds);
        return items.stream().filter(i -> wanted.contains(i.kind()))
                .map(i -> new Words.Option(i.id(), Words.kind(i.kind()) + ", " + Timeline.DAY.format(i.start()) + " "
                        + Timeline.TIME.format(i.start()), null))
                .toList();
    }

    private static Words.Option option(Exercise exercise) {
        return new Words.Option(exercise.id(), exercise.name(), exercise.cue());
    }

    private static List<Words.Option> asItIs(List<Words.Option> options) {
        List<Words.Option> all = new ArrayList<>();
        all.add(new Words.Option("", "As it is", null));
        all.addAll(options);
        return all;
    }

    static final List<Words.Option> LADDER = List.of(
            new Words.Option("progressExercise", "Progress it", "One step up its ladder, in every workout from now on (ACT-2)."),
            new Words.Option("regressExercise", "Regress it", "One step down its ladder, in every workout from now on."));

    static final List<Words.Option> ZONES = EnrollmentForm.zones().stream().map(z -> new Words.Option(z, z, null))
            .toList();

    static final List<Words.Option> TYPES = List.of(
            new Words.Option(MassageType.SWEDISH.name(), "Swedish", "Long, gliding strokes."),
            new Words.Option(MassageType.DEEP_TISSUE.name(), "Deep tissue", "Slow, firm strokes; never with disc signs."));
}
