# Sourced by bin/generate and bin/consume: builds the pipelines module and the modules it needs
# with Maven when they are missing or their sources changed since the last build (quietly, tests
# skipped and not compiled), then runs a command line tool of the module from the caller's directory (default
# paths such as run/kafka and models/ lie under the repository, -Denis.home):
#   run_pipelines_java LOG_NAME MAIN_CLASS ARGS...
# The first build downloads Beam, Flink, Kafka and TensorFlow (a few hundred MB) into ~/.m2.

PIPELINES_CLASSES="$ROOT/pipelines/target/classes"
PIPELINES_CLASSPATH_FILE="$ROOT/pipelines/target/pipelines-runtime.classpath"
PIPELINES_BUILD_STAMP="$ROOT/pipelines/target/.bin-build-stamp"

pipelines_needs_build() {
    [[ -f "$PIPELINES_BUILD_STAMP" && -f "$PIPELINES_CLASSPATH_FILE" \
        && -d "$PIPELINES_CLASSES" ]] || return 0
    local changed
    changed="$(cd "$ROOT" && find pom.xml schemas physics model-training/src \
        model-training/pom.xml infra/src infra/pom.xml infra/kafka-runtime/pom.xml \
        infra/flink-runtime/pom.xml pipelines/src/main pipelines/pom.xml \
        -newer "$PIPELINES_BUILD_STAMP" -type f -not -path '*/target/*' -print -quit \
        2>/dev/null)"
    [[ -z "$changed" ]] || return 0
    local entries entry
    IFS=':' read -r -a entries < "$PIPELINES_CLASSPATH_FILE"
    for entry in "${entries[@]}"; do
        [[ -e "$entry" ]] || return 0
    done
    return 1
}

run_pipelines_java() {
    local log_name="$1" main_class="$2"
    shift 2
    if pipelines_needs_build; then
        if ! command -v mvn > /dev/null; then
            echo "error: Maven (mvn) is needed to build the generator; install Maven 3.8+" >&2
            exit 1
        fi
        echo "Building the generator with Maven (first run or sources changed; the first" \
            "build downloads Beam, Flink, Kafka and TensorFlow) ..." >&2
        (cd "$ROOT" && mvn -B -q -pl pipelines -am install -Dmaven.test.skip=true) >&2
        touch "$PIPELINES_BUILD_STAMP"
    fi
    local java="java"
    if [[ -n "${JAVA_HOME:-}" ]]; then
        java="$JAVA_HOME/bin/java"
    fi
    mkdir -p "$ROOT/run/$log_name"
    export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
    exec "$java" -Xmx"${ENIS_HEAP:-3g}" -Denis.home="$ROOT" \
        -Dorg.slf4j.simpleLogger.logFile="$ROOT/run/$log_name/$log_name.log" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel="${ENIS_LOG_LEVEL:-info}" \
        -Dorg.slf4j.simpleLogger.showDateTime=true \
        -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
        -cp "$PIPELINES_CLASSES:$(cat "$PIPELINES_CLASSPATH_FILE")" "$main_class" "$@"
}
