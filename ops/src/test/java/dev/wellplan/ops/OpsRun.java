package dev.wellplan.ops;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One {@code ./wellplan check|dlq ...} of the ops jar, run in this JVM: its exit status and what it printed. */
public record OpsRun(int exit, String out, String err) {

    public static OpsRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpsCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new OpsRun(exit, out.toString(), err.toString());
    }
}
