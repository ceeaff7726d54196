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
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
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

# Build the infra module when its sources changed (quietly), then run its Flink launcher.
infra_marker="infra/target/classes/org/enis/infra/flink/FlinkClusterCommand.class"
infra_cp_file="infra/target/infra-runtime.classpath"
if [[ ! -f "$infra_marker" || ! -f "$infra_cp_file" ]] \
        || [[ -n "$(find infra/src infra/pom.xml infra/flink-runtime/pom.xml \
                    infra/kafka-runtime/pom.xml pom.xml -newer "$infra_marker" -print -quit)" ]]; then
    echo "Building infra (first run or sources changed) ..." >&2
    mvn -B -q -pl infra -am install -DskipTests >&2
fi
INFRA_CLASSPATH="$PWD/infra/target/classes:$(cat "$infra_cp_file")"
export INFRA_CLASSPATH
exec java -cp "$INFRA_CLASSPATH" org.enis.infra.flink.FlinkClusterCommand --dir "$dir" \
    start "${args[@]}"
