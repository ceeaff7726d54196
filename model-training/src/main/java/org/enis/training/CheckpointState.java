package org.enis.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.enis.flow.FlowConfig;

/**
 * What a checkpoint records besides the variables.
 *
 * @param nextStep the step a resumed run starts with
 * @param elapsedSeconds training wall time spent so far
 * @param lastLoss loss of the last step, NaN before the first
 * @param variablesPrefix file prefix of the saved variables in the checkpoint directory
 * @param flow architecture the checkpoint belongs to
 * @param training hyperparameters the checkpoint belongs to
 */
record CheckpointState(
        @JsonProperty("nextStep") int nextStep,
        @JsonProperty("elapsedSeconds") double elapsedSeconds,
        @JsonProperty("lastLoss") double lastLoss,
        @JsonProperty("variablesPrefix") String variablesPrefix,
        @JsonProperty("flow") FlowConfig flow,
        @JsonProperty("training") TrainingConfig training) {

    @JsonCreator
    CheckpointState {
    }
}
