package dev.wellplan.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.wellplan.stack.LocalStack;

/** The whole local stack as {@code ./wellplan up} starts it, on free ports, for one test class. */
final class Stacks {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path PLANNER_JAR = ROOT.resolve("planner/target/quarkus-app/quarkus-run.jar");
    static final Path NOTIFIER_JAR = ROOT.resolve("notifier/target/quarkus-app/quarkus-run.jar");

    private Stacks() {
    }

    /** A stack builder with its own data directory, free ports and the packaged services. */
    static LocalStack.Builder onFreePorts(String name) throws IOException {
        return LocalStack.builder()
                .dataDir(Files.createTempDirectory("wellplan-" + name + "-"))
                .freePorts()
                .plannerJar(PLANNER_JAR)
                .notifierJar(NOTIFIER_JAR)
                .progress(System.out);
    }
}
