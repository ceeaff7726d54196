package org.enis.pipeline;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.enis.physics.CcqeParameters;
import org.enis.physics.CcqeTargetDensity;
import org.enis.physics.Flux;

/**
 * Everything the generator pipeline needs, resolved and validated before it starts: the batch
 * plan, the proposal and its threshold weight, the physics parameters and flux, the Kafka
 * topics. It travels to the workers inside the transforms, so it holds only serializable
 * values (the physics parameters and the flux in their canonical text form).
 *
 * <pre>{@code
 * GeneratorConfig config = GeneratorConfig.builder()
 *         .runId("run-1")
 *         .plan(new BatchPlan(1_000_000, 10_000))
 *         .flowProposal(modelDir, identity)
 *         .threshold(0.99, thresholdWeight, expectedAcceptance)
 *         .physicsParameters(CcqeParameters.defaults().toCanonicalString())
 *         .bootstrapServers("127.0.0.1:9092")
 *         .build();
 * }</pre>
 */
public final class GeneratorConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Run ids: letters, digits, dot, underscore and dash, 1 to 64 characters. */
    public static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Kafka's rule for topic names. */
    public static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    public static final String DEFAULT_EVENTS_TOPIC = "ccqe-events";
    public static final String DEFAULT_COVERAGE_TOPIC = "ccqe-coverage";
    public static final int DEFAULT_REPORT_SECONDS = 10;
    public static final int MAX_REPORT_SECONDS = 86_400;

    private final String runId;
    private final BatchPlan plan;
    private final double eventsPerSecond;
    private final ProposalKind proposal;
    private final String modelDirectory;
    private final ModelIdentity model;
    private final double quantile;
    private final double thresholdWeight;
    private final double expectedAcceptance;
    private final boolean exact;
    private final String physicsParameters;
    private final String flux;
    private final String bootstrapServers;
    private final String eventsTopic;
    private final String coverageTopic;
    private final int reportSeconds;

    private GeneratorConfig(Builder b) {
        this.runId = b.runId;
        this.plan = b.plan;
        this.eventsPerSecond = b.eventsPerSecond;
        this.proposal = b.proposal;
        this.modelDirectory = b.modelDirectory;
        this.model = b.model;
        this.quantile = b.quantile;
        this.thresholdWeight = b.thresholdWeight;
        this.expectedAcceptance = b.expectedAcceptance;
        this.exact = b.exact;
        this.physicsParameters = b.physicsParameters;
        this.flux = b.flux;
        this.bootstrapServers = b.bootstrapServers;
        this.eventsTopic = b.eventsTopic;
        this.coverageTopic = b.coverageTopic;
        this.reportSeconds = b.reportSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Id of the run, part of every event id and seed. */
    public String runId() {
        return runId;
    }

    public BatchPlan plan() {
        return plan;
    }

    /** Rate limit in events per second; 0 for none. */
    public double eventsPerSecond() {
        return eventsPerSecond;
    }

    public ProposalKind proposal() {
        return proposal;
    }

    /** Absolute path of the model directory; null for the uniform proposal. */
    public String modelDirectory() {
        return modelDirectory;
    }

    public ModelIdentity model() {
        return model;
    }

    /** The quantile Q whose weight is the rejection threshold. */
    public double quantile() {
        return quantile;
    }

    /** The threshold weight {@code w_Q}. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** Acceptance the calibration expects at {@code w_Q}; sizes sampling cycles only. */
    public double expectedAcceptance() {
        return expectedAcceptance;
    }

    /** Whether events above the threshold keep weight {@code w / w_Q} (coverage 1). */
    public boolean exact() {
        return exact;
    }

    /** Canonical text of the run's {@code CcqeParameters}. */
    public String physicsParameters() {
        return physicsParameters;
    }

    /** Canonical text of the run's E_nu flux, or null for flat over the parameters' range. */
    public String flux() {
        return flux;
    }

    /** The run's target density p: its physics parameters and its flux. */
    public CcqeTargetDensity targetDensity() {
        CcqeParameters parameters = CcqeParameters.parse(physicsParameters);
        return new CcqeTargetDensity(parameters,
                flux == null ? Flux.flatOver(parameters) : Flux.parse(flux));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String eventsTopic() {
        return eventsTopic;
    }

    public String coverageTopic() {
        return coverageTopic;
    }

    /** Length of a coverage report window, seconds of generation time. */
    public int reportSeconds() {
        return reportSeconds;
    }

    /** Builder of a {@link GeneratorConfig}; {@link #build()} validates. */
    public static final class Builder {
        private String runId;
        private BatchPlan plan = new BatchPlan(1_000_000, 10_000);
        private double eventsPerSecond;
        private ProposalKind proposal;
        private String modelDirectory;
        private ModelIdentity model;
        private double quantile = Double.NaN;
        private double thresholdWeight = Double.NaN;
        private double expectedAcceptance = Double.NaN;
        private boolean exact;
        private String physicsParameters;
        private String flux;
        private String bootstrapServers;
        private String eventsTopic = DEFAULT_EVENTS_TOPIC;
        private String coverageTopic = DEFAULT_COVERAGE_TOPIC;
        private int reportSeconds = DEFAULT_REPORT_SECONDS;

        public Builder runId(String value) {
            this.runId = value;
            return this;
        }

        public Builder plan(BatchPlan value) {
            this.plan = Objects.requireNonNull(value, "plan");
            return this;
        }

        public Builder eventsPerSecond(double value) {
            this.eventsPerSecond = value;
            return this;
        }

        /** Proposals from the trained flow in {@code directory} (made absolute). */
        public Builder flowProposal(Path directory, ModelIdentity identity) {
            this.proposal = ProposalKind.FLOW;
            this.modelDirectory = directory.toAbsolutePath().normalize().toString();
            this.model = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** Proposals uniform over the background box. */
        public Builder uniformProposal() {
            this.proposal = ProposalKind.UNIFORM;
            this.modelDirectory = null;
            this.model = ModelIdentity.UNIFORM;
            return this;
        }

        /** The quantile, its threshold weight, and the acceptance expected at it. */
        public Builder threshold(double quantileValue, double weight, double acceptance) {
            this.quantile = quantileValue;
            this.thresholdWeight = weight;
            this.expectedAcceptance = acceptance;
            return this;
        }

        public Builder exact(boolean value) {
            this.exact = value;
            return this;
        }

        public Builder physicsParameters(String canonical) {
            this.physicsParameters = canonical;
            return this;
        }

        /** @param canonical the flux's canonical text; null (the default) for flat */
        public Builder flux(String canonical) {
            this.flux = canonical;
            return this;
        }

        public Builder bootstrapServers(String value) {
            this.bootstrapServers = value;
            return this;
        }

        public Builder eventsTopic(String value) {
            this.eventsTopic = value;
            return this;
        }

        public Builder coverageTopic(String value) {
            this.coverageTopic = value;
            return this;
        }

        public Builder reportSeconds(int value) {
            this.reportSeconds = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first bad value and its allowed range
         */
        public GeneratorConfig build() {
            check(runId != null && RUN_ID.matcher(runId).matches(),
                    "runId must be 1 to 64 of [A-Za-z0-9._-], got " + quoted(runId));
            check(eventsPerSecond >= 0 && Double.isFinite(eventsPerSecond),
                    "rate must be a finite number >= 0 events/s (0 = unlimited), got "
                            + eventsPerSecond);
            check(proposal != null, "a proposal (flow or uniform) must be chosen");
            check(quantile > 0 && quantile <= 1,
                    "quantile must be in (0, 1], got " + quantile);
            check(thresholdWeight > 0 && Double.isFinite(thresholdWeight),
                    "threshold weight must be finite and > 0, got " + thresholdWeight);
            check(expectedAcceptance > 0 && expectedAcceptance <= 1,
                    "expected acceptance must be in (0, 1], got " + expectedAcceptance);
            check(physicsParameters != null && !physicsParameters.isBlank(),
                    "physics parameters must be given");
            check(bootstrapServers != null && !bootstrapServers.isBlank(),
                    "bootstrapServers must be given, e.g. 127.0.0.1:9092");
            check(eventsTopic != null && TOPIC.matcher(eventsTopic).matches(),
                    "eventsTopic must be 1 to 249 of [A-Za-z0-9._-], got " + quoted(eventsTopic));
            check(coverageTopic != null && TOPIC.matcher(coverageTopic).matches(),
                    "coverageTopic must be 1 to 249 of [A-Za-z0-9._-], got "
                            + quoted(coverageTopic));
            check(!eventsTopic.equals(coverageTopic),
                    "eventsTopic and coverageTopic must differ, both are " + quoted(eventsTopic));
            check(reportSeconds >= 1 && reportSeconds <= MAX_REPORT_SECONDS,
                    "reportSeconds must be in [1, " + MAX_REPORT_SECONDS + "] s, got "
                            + reportSeconds);
            return new GeneratorConfig(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String quoted(String value) {
            return value == null ? "nothing" : "'" + value + "'";
        }
    }
}
