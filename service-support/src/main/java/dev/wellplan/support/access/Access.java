package dev.wellplan.support.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route: every resource method of both services carries one, and {@link AccessRules} (through each
 * service's access filter) enforces it before the method runs. A route without a rule is refused (and fails the rule-table tests), so a new route
 * cannot be open by accident.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    /** The callers allowed; anyone else is refused. */
    Caller[] value();

    /** For {@link Caller#PLAN_CLIENT}: the purpose of the signed links this route accepts ("plan", "calendar", ...). */
    String link() default "";

    /** Whether a coach's or admin's call is written to the audit log: every read of health data and every change. */
    boolean audited() default true;
}
