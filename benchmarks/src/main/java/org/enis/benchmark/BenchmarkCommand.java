package org.enis.benchmark;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code benchmark}: the ENIS benchmarks. Subcommands {@code tables} (the paper's Tables I
 * and II with plots) and {@code jmh} (microbenchmarks). See docs/benchmarks.md.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = "enis benchmark 0.1.0",
        usageHelpAutoWidth = true,
        description = "Benchmarks of ENIS rejection sampling against the uniform proposal.",
        subcommands = {TablesCommand.class, JmhCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:the benchmark failed", "2:invalid option or model"})
public final class BenchmarkCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command; exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /**
     * The picocli command line; an invalid option or value gives exit code 2 with a message.
     *
     * @return a command line for a new command
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchmarkCommand());
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String name = e.getCommandLine().getCommandName();
            err.println(name + ": " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.");
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "give a subcommand: tables or jmh");
    }
}
