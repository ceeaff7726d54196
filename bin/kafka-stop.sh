#!/usr/bin/env bash
# Stops the project's Kafka broker cleanly: SIGTERM, then waits for its controlled shutdown,
# which flushes every acknowledged record to disk. Does nothing if no broker runs.
#
#   bin/kafka-stop.sh [--data-dir DIR] [--timeout 60]
#
# Data directory: $ENIS_KAFKA_DATA_DIR or run/kafka in this repository.
set -euo pipefail
# shellcheck source=lib/infra-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/infra-java.sh"

export ENIS_KAFKA_DATA_DIR="${ENIS_KAFKA_DATA_DIR:-$ROOT/run/kafka}"
run_infra_java org.enis.infra.KafkaBrokerCommand stop "$@"
