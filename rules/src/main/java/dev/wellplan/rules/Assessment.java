package dev.wellplan.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * A client's intake answers, in the shape the API takes (product.md).
 * Components are kept as given, nulls included, so that {@link AssessmentRules#validate}
 * can name every missing field; the rules never modify the sets.
 */
public record Assessment(Client client, LocalDate startDate, Pain pain, Set<RedFlag> redFlags,
                         Preferences preferences, Set<Equipment> equipment) {}
