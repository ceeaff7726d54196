#!/usr/bin/env bash
# Stops the standalone Flink session cluster started by bin/flink-start.sh (running jobs are
# cancelled; drain a job first to keep its last records, see docs/pipelines.md).
#
#   bin/flink-stop.sh [--dir run/flink]
#   bin/flink-stop.sh --status [--dir run/flink]   (exit 0 if it runs, 3 if not)
set -euo pipefail
# shellcheck source=lib/infra-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/infra-java.sh"
cd "$ROOT"

dir="run/flink"
command="stop"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --dir) dir="$2"; shift 2 ;;
        --dir=*) dir="${1#--dir=}"; shift ;;
        --status) command="status"; shift ;;
        -h|--help)
            sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

run_infra_java org.enis.infra.flink.FlinkClusterCommand --dir "$dir" "$command"
