package org.enis.pipeline.cli;

/** Runs the consume command in-process with its error handling, for tests. */
public final class ConsumeCommandAccess {

    private ConsumeCommandAccess() {
    }

    /** Executes {@code consume} with the given arguments; returns its exit status. */
    public static int execute(String[] args) {
        return GenerateCommand.commandLine(new ConsumeCommand()).execute(args);
    }
}
