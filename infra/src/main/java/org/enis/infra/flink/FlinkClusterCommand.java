package org.enis.infra.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of the standalone Flink session cluster, used by {@code bin/flink-start.sh} and
 * {@code bin/flink-stop.sh}: {@code start} launches a detached JobManager and TaskManager on
 * 127.0.0.1, {@code status} tells whether they run, {@code stop} stops them.
 */
@Command(name = "flink-cluster", mixinStandardHelpOptions = true,
        description = "A standalone Flink session cluster on 127.0.0.1, from Maven's jars.",
        subcommands = {FlinkClusterCommand.Start.class, FlinkClusterCommand.Status.class,
            FlinkClusterCommand.Stop.class})
public final class FlinkClusterCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = "run/flink", scope = CommandLine.ScopeType.INHERIT,
            description = "Work directory: configuration, logs, pid files"
                    + " (default ${DEFAULT-VALUE}).")
    Path directory;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Starts a detached cluster. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a detached JobManager and TaskManager and wait until ready.")
    static final class Start implements Callable<Integer> {
        @CommandLine.ParentCommand
        FlinkClusterCommand parent;

        @Option(names = "--restPort", defaultValue = "8081",
                description = "REST and web UI port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
        int restPort;

        @Option(names = "--slots", defaultValue = "2",
                description = "Task slots = largest job parallelism, 1..64"
                        + " (default ${DEFAULT-VALUE}).")
        int slots;

        @Option(names = "--taskManagerMemory", defaultValue = "3072m",
                description = "TaskManager process memory (default ${DEFAULT-VALUE}).")
        String taskManagerMemory;

        @Option(names = "--jobManagerMemory", defaultValue = "1024m",
                description = "JobManager process memory (default ${DEFAULT-VALUE}).")
        String jobManagerMemory;

        @Override
        public Integer call() throws Exception {
            FlinkCluster cluster = FlinkCluster.builder()
                    .workDirectory(parent.directory)
                    .restPort(restPort)
                    .taskSlots(slots)
                    .taskManagerMemory(taskManagerMemory)
                    .jobManagerMemory(jobManagerMemory)
                    .detached(true)
                    .start();
            System.out.println("Flink cluster ready: web UI " + cluster.webUi());
            System.out.println("  submit jobs with --flinkMaster=" + cluster.restAddress()
                    + " (parallelism up to " + cluster.taskSlots() + ")");
            System.out.println("  logs: " + cluster.jobManagerLog() + ", "
                    + cluster.taskManagerLog());
            System.out.println("  stop: bin/flink-stop.sh");
            return 0;
        }
    }

    /** Tells whether the cluster runs. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tell whether a cluster runs from the work directory (exit 0)"
                    + " or not (3).")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        FlinkClusterCommand parent;

        @Override
        public Integer call() {
            Map<String, Long> running = FlinkCluster.runningProcesses(parent.directory);
            if (running.isEmpty()) {
                System.out.println("no Flink cluster runs from " + parent.directory);
                return 3;
            }
            running.forEach((name, pid) -> System.out.println(name + " runs as pid " + pid));
            return 0;
        }
    }

    /** Stops the cluster. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the cluster of the work directory (running jobs are cancelled).")
    static final class Stop implements Callable<Integer> {
        @CommandLine.ParentCommand
        FlinkClusterCommand parent;

        @Override
        public Integer call() {
            boolean found = FlinkCluster.stop(parent.directory, Duration.ofSeconds(30));
            System.out.println(found ? "Flink cluster stopped"
                    : "no Flink cluster was running from " + parent.directory);
            return 0;
        }
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new FlinkClusterCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + e.getMessage());
                    return 1;
                });
        System.exit(commandLine.execute(args));
    }
}
