package org.enis.infra.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point that runs inside a child JVM started by {@link ChildJvm} with
 * {@code exitWithParent(true)}: it watches the parent process and exits this JVM as soon as the
 * parent is gone, then hands control to the real main class.
 *
 * <p>The parent's own shutdown hook stops the child when the parent exits normally or on
 * SIGTERM/SIGINT. This watchdog covers what a shutdown hook cannot: the parent killed with
 * SIGKILL, or crashing. The child leaves through {@link System#exit(int)}, so its own shutdown
 * hooks run (for Kafka: a clean, controlled shutdown that flushes the logs).
 *
 * <p>Usage: {@code java -Dorg.enis.infra.parentPid=<pid> ... ParentWatchdog <main class>
 * <arguments of the main class...>}. The class depends on nothing but the JDK, so it can sit
 * on the classpath of any child program.
 *
 * <p>Limits: the JDK notices the death of a process that is not its own child by polling, so
 * the reaction takes up to about a second; if the parent's process id were reused before the
 * watchdog starts, the new process would be taken for the parent.
 */
public final class ParentWatchdog {

    /** System property holding the process id of the parent to watch. */
    public static final String PARENT_PID_PROPERTY = "org.enis.infra.parentPid";

    /** Exit status when the parent is gone: shutdown hooks run, as on SIGTERM. */
    public static final int EXIT_STATUS_PARENT_GONE = 143;

    /** Exit status for a malformed command line. */
    public static final int EXIT_STATUS_USAGE = 64;

    private ParentWatchdog() {
    }

    /**
     * Starts the watch, then runs {@code args[0]}'s {@code main} with the remaining arguments.
     *
     * @param args the main class to run, then its arguments
     * @throws Throwable whatever the real main method throws
     */
    public static void main(String[] args) throws Throwable {
        String parentPidText = System.getProperty(PARENT_PID_PROPERTY);
        if (args.length == 0 || parentPidText == null) {
            System.err.println("usage: java -D" + PARENT_PID_PROPERTY
                    + "=<pid> " + ParentWatchdog.class.getName() + " <main class> [args...]");
            System.exit(EXIT_STATUS_USAGE);
            return;
        }
        long parentPid = Long.parseLong(parentPidText.trim());
        watch(parentPid);

        Method main = mainMethod(args[0]);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            System.err.println("[ParentWatchdog] parent process " + parentPid
                    + " is already gone; exiting");
            System.exit(EXIT_STATUS_PARENT_GONE);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("[ParentWatchdog] parent process " + parentPid
                    + " exited; shutting down this process");
            System.exit(EXIT_STATUS_PARENT_GONE);
        });
    }

    private static Method mainMethod(String className) throws ReflectiveOperationException {
        Class<?> mainClass = Class.forName(className, true,
                ParentWatchdog.class.getClassLoader());
        Method main = mainClass.getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NoSuchMethodException("main(String[]) of " + className + " is not static");
        }
        return main;
    }
}
