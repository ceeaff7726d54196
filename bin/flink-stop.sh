#!/usr/bin/env bash
# Stops the standalone Flink session cluster started by bin/flink-start.sh (running jobs are
# cancelled; drain a job first to keep its last records, see docs/pipelines.md).
#
#   bin/flink-stop.sh [--dir run/flink]
#   bin/flink-stop.sh --status [--dir run/flink]   (exit 0 if it runs, 3 if not)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
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
exec java -cp "$INFRA_CLASSPATH" org.enis.infra.flink.FlinkClusterCommand --dir "$dir" "$command"
