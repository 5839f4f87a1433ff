package dev.wellplan.system;

import java.io.IOException;

import dev.wellplan.stack.LocalStack;

/** {@link Stacks} for the tests of sub-packages (the browser tests). */
public final class StacksAccess {

    private StacksAccess() {
    }

    public static LocalStack.Builder onFreePorts(String name) throws IOException {
        return Stacks.onFreePorts(name);
    }
}
