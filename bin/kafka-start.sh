#!/usr/bin/env bash
# Starts the project's Apache Kafka broker (KRaft, one node, on 127.0.0.1) in the background
# and returns once it serves requests; --foreground keeps it attached until Ctrl-C.
#
#   bin/kafka-start.sh [--foreground] [--data-dir DIR] [--port 9092] [--controller-port 9093]
#                      [--max-heap 1g] [--startup-timeout 120] [--property KEY=VALUE ...]
#   bin/kafka-status.sh [--data-dir DIR]
#   bin/kafka-stop.sh   [--data-dir DIR] [--timeout 60]
#
# Defaults: data directory $ENIS_KAFKA_DATA_DIR or run/kafka in this repository, client port
# $ENIS_KAFKA_PORT or 9092, controller port $ENIS_KAFKA_CONTROLLER_PORT or 9093. Topics and
# records persist in the data directory across restarts. Builds infra with Maven if needed.
set -euo pipefail
# shellcheck source=lib/infra-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/infra-java.sh"

mode=(--detach)
args=()
for arg in "$@"; do
    case "$arg" in
        --foreground) mode=() ;;
        -h|--help)
            sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *) args+=("$arg") ;;
    esac
done
export ENIS_KAFKA_DATA_DIR="${ENIS_KAFKA_DATA_DIR:-$ROOT/run/kafka}"
run_infra_java org.enis.infra.KafkaBrokerCommand start ${mode[@]+"${mode[@]}"} \
    ${args[@]+"${args[@]}"}
