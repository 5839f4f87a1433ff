package dev.wellplan.ops.coach;

import java.io.Console;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whose sign-in {@code coach add} uses: the admin named by {@code --admin}, with the password from
 * {@value #PASSWORD_VARIABLE} or, on a terminal, a prompt; never from the command line, where {@code ps} and the
 * shell history would keep it. Only for a planner on this machine (the local stack) do the local stack's
 * {@code admin}/{@code admin-local} stand in for what is not given: a production planner refuses those anyway.
 */
record AdminCredentials(String login, String password) {

    static final String PASSWORD_VARIABLE = "WELLPLAN_ADMIN_PASSWORD";
    static final String LOCAL_ADMIN = "admin";
    static final String LOCAL_ADMIN_PASSWORD = "admin-local";

    /** Why no credentials could be found, said so that the operator knows what to set. */
    static final class Missing extends Exception {
        Missing(String message) {
            super(message);
        }
    }

    /**
     * @param admin       {@code --admin}, or null
     * @param environment the process environment
     * @param console     the terminal, or null when there is none (a script, a test)
     */
    static AdminCredentials resolve(URI planner, String admin, Function<String, String> environment,
                                    Supplier<Console> console) throws Missing {
        boolean local = isThisMachine(planner);
        String login = admin != null ? admin : local ? LOCAL_ADMIN : null;
        if (login == null) {
            throw new Missing("name the admin to sign in as: --admin LOGIN (the local stack's admin is only assumed "
                    + "for a planner on this machine)");
        }
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            return new AdminCredentials(login, password);
        }
        if (local && LOCAL_ADMIN.equals(login)) {
            return new AdminCredentials(login, LOCAL_ADMIN_PASSWORD);
        }
        Optional<char[]> typed = Optional.ofNullable(console.get())
                .map(c -> c.readPassword("password of %s at %s: ", login, planner));
        if (typed.isEmpty() || typed.get().length == 0) {
            throw new Missing("no password for " + login + ": set " + PASSWORD_VARIABLE + " or run it on a terminal "
                    + "to be asked");
        }
        return new AdminCredentials(login, new String(typed.get()));
    }

    /** localhost, 127.x.x.x or ::1: where the local stack runs, and where its published passwords may be tried. */
    static boolean isThisMachine(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        return "AdminCredentials[" + login + "]"; // never the password
    }
}
