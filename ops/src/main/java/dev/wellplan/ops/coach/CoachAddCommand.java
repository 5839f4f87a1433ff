package dev.wellplan.ops.coach;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wellplan coach add}: adds a coach through the planner's admin API with a generated password, and prints
 * that password once, on standard output, for the operator to hand over. It is written nowhere else: the planner
 * keeps only its bcrypt hash and logs the new account's id, never its address or password.
 */
@Command(name = "add", sortOptions = false,
        description = "Add a coach, who signs in with their e-mail address and a generated password, printed once.",
        footer = {"", "The admin's password comes from " + AdminCredentials.PASSWORD_VARIABLE + " or, on a terminal, "
                + "a prompt. For a planner on this machine (the local stack) the local stack's admin/admin-local "
                + "stand in for what is not given."})
public final class CoachAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS",
            description = "the coach's e-mail address: their sign-in")
    String email;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the coach's name, as clients see it")
    String name;

    @Option(names = "--planner-url", paramLabel = "URL",
            defaultValue = "${env:WELLPLAN_PLANNER_URL:-http://localhost:8080}",
            description = "the planner's public URL (default ${DEFAULT-VALUE}: WELLPLAN_PLANNER_URL, else the local "
                    + "stack's)")
    URI plannerUrl;

    @Option(names = "--admin", paramLabel = "LOGIN",
            description = "the admin to sign in as (default for a planner on this machine: admin)")
    String admin;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "how long to wait for the planner (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 30;

    private final Function<String, String> environment;
    private final Supplier<Console> console;
    private final GeneratedPasswords passwords;

    public CoachAddCommand() {
        this(System::getenv, System::console, new GeneratedPasswords(new SecureRandom()));
    }

    CoachAddCommand(Function<String, String> environment, Supplier<Console> console, GeneratedPasswords passwords) {
        this.environment = environment;
        this.console = console;
        this.passwords = passwords;
    }

    @Override
    public Integer call() {
        checkUrl();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AdminCredentials credentials;
        try {
            credentials = AdminCredentials.resolve(plannerUrl, admin, environment, console);
        } catch (AdminCredentials.Missing e) {
            err.println("wellplan coach add: " + e.getMessage());
            return CoachCommand.UNUSABLE;
        }
        String password = passwords.next();
        PlannerAdminApi.Added added;
        try {
            added = new PlannerAdminApi(plannerUrl, credentials, Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                    .addCoach(email, name, password);
        } catch (PlannerAdminApi.Refused e) {
            err.println("wellplan coach add: the planner at " + plannerUrl + " refused: " + e.getMessage());
            return CoachCommand.REFUSED;
        } catch (ConnectException e) {
            err.println("wellplan coach add: nothing answers at " + plannerUrl + ": is the planner running there?");
            return CoachCommand.UNUSABLE;
        } catch (IOException e) {
            err.println("wellplan coach add: cannot reach the planner's admin API at " + plannerUrl + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return CoachCommand.UNUSABLE;
        }
        out.println("coach added: account " + added.id() + ", signs in as " + added.login());
        out.println("password (shown this once; the planner keeps only a hash):");
        out.println("  " + password);
        out.println("Hand it over in person or through a channel you trust.");
        out.flush();
        return 0;
    }

    private void checkUrl() {
        String scheme = plannerUrl.getScheme();
        if (plannerUrl.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new ParameterException(spec.commandLine(), "--planner-url needs an http(s) URL such as "
                    + "http://localhost:8080, not '" + plannerUrl + "'");
        }
    }
}
