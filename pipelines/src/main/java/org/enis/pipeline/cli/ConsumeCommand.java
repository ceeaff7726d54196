package org.enis.pipeline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enis.infra.KafkaBroker;
import org.enis.infra.RunningKafkaBroker;
import org.enis.pipeline.GeneratorConfig;
import org.enis.pipeline.TopicReader;
import org.enis.pipeline.avro.ReportFigures;
import org.enis.schemas.CcqeEvent;
import org.enis.schemas.CoverageReport;
import org.enis.schemas.kafka.CcqeEventDeserializer;
import org.enis.schemas.kafka.CoverageReportDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code bin/consume}: a downstream reader of the generator's topics. Reads the events topic
 * (all runs, or one), counts them, checks their ids and ranges, prints the four marginal
 * histograms, optionally writes the events to CSV; then reads the coverage topic and prints the
 * running coverage report by report.
 */
@Command(name = "consume", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpWidth = 100,
        description = "Read the generator's events and coverage reports from Kafka: counts,"
                + " marginal histograms, running coverage, optional CSV.",
        footer = {"", "Examples:",
            "  bin/consume                                  everything in the topics",
            "  bin/consume --runId run-20250101-120000 --csv events.csv",
            "  bin/consume --follow                         keep reading until Ctrl-C",
            "",
            "Exit status: 0 when every record decodes and every event id is unique, 1 when not"
                    + " (the reason on standard error), 2 for a bad option."})
public final class ConsumeCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);
    /** CSV header; one row per event, units in the names. */
    static final String CSV_HEADER = "run_id,batch,index,e_nu_gev,p_mu_gev,theta_mu_rad,p_n_gev,"
            + "muon_e_gev,cos_theta_mu,q2_gev2,omega_gev,muon_pdg,muon_px_gev,muon_py_gev,"
            + "muon_pz_gev,muon_energy_gev,nucleon_pdg,nucleon_px_gev,nucleon_py_gev,"
            + "nucleon_pz_gev,nucleon_energy_gev,weight,neutrino_pdg,target,"
            + "generation_time_ms";

    @Option(names = "--bootstrapServers", paramLabel = "HOST:PORT", order = 1,
            description = "Kafka broker; default: the project's broker of --kafkaDir.")
    String bootstrapServers;

    @Option(names = "--kafkaDir", paramLabel = "DIR", order = 2,
            defaultValue = "${sys:enis.home:-.}/run/kafka",
            description = "Data directory of the project's broker (default ${DEFAULT-VALUE}).")
    Path kafkaDir;

    @Option(names = "--eventsTopic", paramLabel = "TOPIC", order = 3,
            defaultValue = GeneratorConfig.DEFAULT_EVENTS_TOPIC,
            description = "Events topic (default ${DEFAULT-VALUE}).")
    String eventsTopic;

    @Option(names = "--coverageTopic", paramLabel = "TOPIC", order = 4,
            defaultValue = GeneratorConfig.DEFAULT_COVERAGE_TOPIC,
            description = "Coverage topic (default ${DEFAULT-VALUE}).")
    String coverageTopic;

    @Option(names = "--runId", paramLabel = "ID", order = 5,
            description = "Only this run's events and reports (default: all runs).")
    String runId;

    @Option(names = "--maxEvents", paramLabel = "N", defaultValue = "0", order = 6,
            description = "Stop after N events of the selected run(s); 0 = no limit.")
    long maxEvents;

    @Option(names = "--follow", order = 7,
            description = "Keep reading new records until Ctrl-C (default: stop at the end).")
    boolean follow;

    @Option(names = "--csv", paramLabel = "FILE", order = 8,
            description = "Write the events to this CSV file (one row per event).")
    Path csv;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "20", order = 9,
            description = "Bins per histogram, 1..200 (default ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--maxEnergy", paramLabel = "GEV", defaultValue = "10", order = 10,
            description = "Upper end of the E_nu and p_mu histograms in GeV (default"
                    + " ${DEFAULT-VALUE}).")
    double maxEnergyGeV;

    @Option(names = "--fermiMomentum", paramLabel = "GEV", order = 11,
            description = "Upper end of the p_N histogram in GeV/c (default: the default k_F"
                    + " of the events' nucleus); give the run's --fermiMomentum if it had one.")
    Double fermiMomentumGeV;

    @Override
    public Integer call() throws IOException {
        validate();
        String bootstrap = resolveBootstrap();
        PrintStream out = System.out;
        AtomicBoolean stop = new AtomicBoolean();
        if (follow) {
            Signal.handle(new Signal("INT"), signal -> stop.set(true));
        }

        EventStatistics statistics = new EventStatistics(bins, maxEnergyGeV,
                fermiMomentumGeV == null ? Double.NaN : fermiMomentumGeV);
        CcqeEventDeserializer events = new CcqeEventDeserializer();
        long undecodable = 0;
        try (BufferedWriter writer = csv == null ? null
                : Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                TopicReader reader = new TopicReader(bootstrap, eventsTopic, follow)) {
            if (writer != null) {
                writer.write(CSV_HEADER);
                writer.newLine();
            }
            while (!stop.get() && (maxEvents == 0 || statistics.events() < maxEvents)) {
                Optional<List<ConsumerRecord<byte[], byte[]>>> batch = reader.next();
                if (batch.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : batch.get()) {
                    CcqeEvent event;
                    try {
                        event = events.decode(record.value());
                    } catch (RuntimeException e) {
                        undecodable++;
                        continue;
                    }
                    if (runId != null && !runId.equals(event.getRunId())) {
                        continue;
                    }
                    if (maxEvents > 0 && statistics.events() >= maxEvents) {
                        break;
                    }
                    statistics.add(event);
                    if (writer != null) {
                        writer.write(csvRow(event));
                        writer.newLine();
                    }
                }
            }
        }

        out.printf(Locale.ROOT, "Events in %s%s: %,d (%,d undecodable records, %,d duplicate"
                + " event ids, %,d outside the generation box)%n", eventsTopic,
                runId == null ? "" : " of run " + runId, statistics.events(), undecodable,
                statistics.duplicates(), statistics.outsideBox());
        for (Map.Entry<String, Long> run : statistics.countByRun().entrySet()) {
            out.printf(Locale.ROOT, "  run %s: %,d events%n", run.getKey(), run.getValue());
        }
        if (csv != null) {
            out.printf("Events written to %s%n", csv.toAbsolutePath());
        }
        out.print(statistics.formatHistograms());
        printCoverage(bootstrap, out);
        return checkStatus(undecodable, statistics.duplicates(), System.err);
    }

    /**
     * Exit status 1, with the reason on standard error, when a record did not decode or an
     * event id came twice: what a downstream consumer must not silently accept.
     */
    static int checkStatus(long undecodable, long duplicates, PrintStream err) {
        if (undecodable > 0) {
            err.printf(Locale.ROOT, "consume: %,d records did not decode as CcqeEvent "
                    + "(another writer on the topic?); exit status 1%n", undecodable);
        }
        if (duplicates > 0) {
            err.printf(Locale.ROOT, "consume: %,d event ids appear more than once: a run id was "
                    + "generated again into the same topic (same id, same events); "
                    + "exit status 1%n", duplicates);
        }
        return undecodable == 0 && duplicates == 0 ? 0 : 1;
    }

    private void validate() {
        if (bins < 1 || bins > 200) {
            throw new IllegalArgumentException("bins must be in [1, 200], got " + bins);
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must be >= 0 (0 = no limit), got "
                    + maxEvents);
        }
        if (!(maxEnergyGeV > 0) || Double.isInfinite(maxEnergyGeV)) {
            throw new IllegalArgumentException("maxEnergy must be a finite number > 0 GeV, got "
                    + maxEnergyGeV);
        }
        if (fermiMomentumGeV != null
                && (!(fermiMomentumGeV > 0) || Double.isInfinite(fermiMomentumGeV))) {
            throw new IllegalArgumentException("fermiMomentum must be a finite number > 0"
                    + " GeV/c, got " + fermiMomentumGeV);
        }
    }

    private String resolveBootstrap() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        Optional<RunningKafkaBroker> running = KafkaBroker.findRunning(kafkaDir);
        if (running.isEmpty()) {
            throw new IllegalArgumentException("no Kafka broker runs from " + kafkaDir
                    + "; start it with bin/kafka-start.sh (or bin/generate), or give"
                    + " --bootstrapServers");
        }
        return running.get().bootstrapServers();
    }

    /** Prints each report of the selected run(s) with the coverage of all reports so far. */
    private void printCoverage(String bootstrap, PrintStream out) throws IOException {
        out.printf("%nCoverage reports in %s:%n", coverageTopic);
        out.println("  window start (UTC)        proposals   accepted  acceptance  coverage"
                + "   running coverage  running acceptance");
        CoverageReportDeserializer reports = new CoverageReportDeserializer();
        CoverageReport running = null;
        int count = 0;
        try (TopicReader reader = new TopicReader(bootstrap, coverageTopic, false)) {
            for (Optional<List<ConsumerRecord<byte[], byte[]>>> batch = reader.next();
                    batch.isPresent(); batch = reader.next()) {
                for (ConsumerRecord<byte[], byte[]> record : batch.get()) {
                    CoverageReport report;
                    try {
                        report = reports.decode(record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (runId != null && !runId.equals(report.getRunId())) {
                        continue;
                    }
                    if (running == null || !running.getRunId().equals(report.getRunId())) {
                        running = CoverageReport.newBuilder(report).build();
                        out.printf("  run %s, %s proposal, quantile %s, w_Q = %.6g%s%n",
                                report.getRunId(), report.getProposalKind(),
                                report.getQuantile(), report.getThresholdWeight(),
                                report.getExactMode() ? ", exact mode" : "");
                    } else {
                        ReportFigures.merge(running, report);
                    }
                    count++;
                    out.printf(Locale.ROOT, "  %-24s %10d %10d  %10.4f  %8.5f   %16.5f  %18.4f%n",
                            report.getWindowStart(), report.getProposals(),
                            report.getAccepted(), report.getAcceptance(), report.getCoverage(),
                            running.getCoverage(), running.getAcceptance());
                }
            }
        }
        if (count == 0) {
            out.println("  (none)");
        }
    }

    static String csvRow(CcqeEvent e) {
        return String.join(",", e.getRunId(), Long.toString(e.getBatchNumber()),
                Integer.toString(e.getIndexInBatch()), d(e.getNeutrinoEnergyGeV()),
                d(e.getMuonMomentumGeV()), d(e.getMuonAngleRad()),
                d(e.getNucleonFermiMomentumGeV()), d(e.getMuonEnergyGeV()),
                d(e.getCosMuonAngle()), d(e.getQ2GeV2()), d(e.getEnergyTransferGeV()),
                Integer.toString(e.getMuon().getPdgCode()),
                d(e.getMuon().getMomentum().getPxGeV()), d(e.getMuon().getMomentum().getPyGeV()),
                d(e.getMuon().getMomentum().getPzGeV()),
                d(e.getMuon().getMomentum().getEnergyGeV()),
                Integer.toString(e.getNucleon().getPdgCode()),
                d(e.getNucleon().getMomentum().getPxGeV()),
                d(e.getNucleon().getMomentum().getPyGeV()),
                d(e.getNucleon().getMomentum().getPzGeV()),
                d(e.getNucleon().getMomentum().getEnergyGeV()), d(e.getWeight()),
                Integer.toString(e.getNeutrinoPdgCode()), e.getTargetName(),
                Long.toString(e.getGenerationTime().toEpochMilli()));
    }

    private static String d(double value) {
        return Double.toString(value);
    }

    /** Runs {@code bin/consume} and exits with its status. */
    public static void main(String[] args) {
        System.exit(GenerateCommand.commandLine(new ConsumeCommand()).execute(args));
    }
}
