package org.enis.pipeline.cli;

import java.io.PrintWriter;

/** Runs the generate command in-process with its error handling, for tests. */
public final class GenerateCommandAccess {

    private GenerateCommandAccess() {
    }

    /** Executes {@code generate} with the given arguments; returns its exit status. */
    public static int execute(String[] args, PrintWriter err) {
        return GenerateCommand.commandLine(new GenerateCommand()).setErr(err).execute(args);
    }
}
