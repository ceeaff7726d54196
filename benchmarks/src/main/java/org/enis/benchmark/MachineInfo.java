package org.enis.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a benchmark ran on: cores, CPU model, memory, Java and the load when it started
 * (the figures of a shared machine depend on it).
 *
 * @param cores processors available to the JVM ({@code nproc})
 * @param cpuModel CPU model name from {@code /proc/cpuinfo}, or the JVM's architecture
 * @param memoryGiB physical memory, GiB; NaN when unknown
 * @param maxHeapGiB the JVM's heap limit, GiB
 * @param java Java runtime name and version
 * @param os operating system name and version
 * @param loadAverage one-minute load average when the run started; negative when unknown
 */
public record MachineInfo(int cores, String cpuModel, double memoryGiB, double maxHeapGiB,
        String java, String os, double loadAverage) {

    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    /** @return the machine this JVM runs on */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readCpuModel(),
                readMemoryGiB(), Runtime.getRuntime().maxMemory() / BYTES_PER_GIB,
                System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** @return a one-line description for reports */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (nproc), %s, %.1f GiB memory, %s, %s, "
                + "JVM heap limit %.1f GiB, load average %.2f at start", cores, cpuModel,
                memoryGiB, java, os, maxHeapGiB, loadAverage);
    }

    private static String readCpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static double readMemoryGiB() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                String[] fields = line.trim().split("\\s+");
                return Long.parseLong(fields[1]) * 1024 / BYTES_PER_GIB;
            }
        }
        return Double.NaN;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
