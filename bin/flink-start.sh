#!/usr/bin/env bash
# Starts a standalone Flink session cluster on 127.0.0.1: a JobManager and a TaskManager as
# background JVMs from the Flink jars Maven resolves (no Flink distribution needed). The web
# UI and REST API are at http://127.0.0.1:8081 unless --restPort says otherwise.
#
#   bin/flink-start.sh [--dir run/flink] [--restPort 8081] [--slots 2]
#                      [--taskManagerMemory 3072m] [--jobManagerMemory 1024m]
#   bin/flink-stop.sh  [--dir run/flink]
#
# Jobs are submitted with --flinkMaster=127.0.0.1:8081 (see docs/pipelines.md).
set -euo pipefail
# shellcheck source=lib/infra-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/infra-java.sh"
cd "$ROOT"

dir="run/flink"
args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dir) dir="$2"; shift 2 ;;
        --dir=*) dir="${1#--dir=}"; shift ;;
        -h|--help)
            sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

run_infra_java org.enis.infra.flink.FlinkClusterCommand --dir "$dir" start ${args[@]+"${args[@]}"}
