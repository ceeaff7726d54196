#!/usr/bin/env bash
# Tells whether the project's Kafka broker runs and answers, and where.
#
#   bin/kafka-status.sh [--data-dir DIR]
#
# Exit status: 0 running and answering, 1 running but not answering (starting or hung),
# 3 not running. Data directory: $ENIS_KAFKA_DATA_DIR or run/kafka in this repository.
set -euo pipefail
# shellcheck source=lib/infra-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/infra-java.sh"

export ENIS_KAFKA_DATA_DIR="${ENIS_KAFKA_DATA_DIR:-$ROOT/run/kafka}"
run_infra_java org.enis.infra.KafkaBrokerCommand status "$@"
