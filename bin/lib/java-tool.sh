# Sourced by the scripts in bin/: runs a command line tool of one module from its
# target/classes and the runtime classpath Maven wrote for it, after building the module and
# the modules it needs (quietly, tests not compiled) when they are missing, when sources
# changed since the last build, or when a jar of the recorded classpath is gone from ~/.m2.
# The first build downloads Beam, Flink, Kafka and TensorFlow (about 500 MB) into ~/.m2.
#
#   java_tool_run MODULE CLASSPATH_FILE MAIN_CLASS [ARGS...]
#
# CLASSPATH_FILE is relative to MODULE/target. Settings the caller may set before the call:
#   TOOL_WATCH      paths, relative to the repository, whose changes call for a rebuild
#                   (default: the parent pom and every module's pom.xml and src/main)
#   TOOL_REQUIRED   further files, relative to the repository, that a build must have made
#   TOOL_HEAP       the default heap (ENIS_HEAP overrides it; default 2g)
#   TOOL_LOG_FILE   where the slf4j log goes (default: standard error)
# Environment for users: ENIS_HEAP, ENIS_LOG_LEVEL (default info), ENIS_JAVA_OPTS (extra JVM
# options), ENIS_SKIP_BUILD=1 (run what is built without looking at the sources),
# ENIS_MAVEN_ARGS (extra arguments of the launcher's Maven build, e.g. -Pgpu).
# Tools run from the caller's directory; default paths such as models/ and run/ lie under the
# repository (-Denis.home).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

java_tool_needs_build() {
    local module="$1" classpath_file="$2" stamp="$ROOT/$1/target/.bin-build-stamp"
    local file
    [[ -d "$ROOT/$module/target/classes" && -f "$classpath_file" ]] || return 0
    for file in "${TOOL_REQUIRED[@]}"; do
        [[ -e "$ROOT/$file" ]] || return 0
    done
    [[ "${ENIS_SKIP_BUILD:-0}" == "1" ]] && return 1
    [[ -f "$stamp" ]] || return 0
    local watch=("${TOOL_WATCH[@]}")
    if [[ ${#watch[@]} -eq 0 ]]; then
        watch=(pom.xml */pom.xml */src/main infra/*/pom.xml)
    fi
    local changed
    changed="$(cd "$ROOT" && find "${watch[@]}" -newer "$stamp" -type f \
        -not -path '*/target/*' -print -quit 2> /dev/null)"
    [[ -z "$changed" ]] || return 0
    local entries entry
    IFS=':' read -r -a entries < "$classpath_file"
    for entry in "${entries[@]}"; do
        [[ -e "$entry" ]] || return 0
    done
    return 1
}

java_tool_build() {
    local module="$1"
    if ! command -v mvn > /dev/null; then
        echo "error: Maven (mvn) is needed to build the '$module' module; install Maven 3.8+" >&2
        exit 1
    fi
    echo "Building the '$module' module with Maven (first run or sources changed; the first" \
        "build downloads its dependencies into ~/.m2) ..." >&2
    # -DskipFlinkCluster: no 310 MB cluster job jar here (docs/pipelines.md builds it).
    # Debian's Maven 3.8 prints colour resets even in batch mode; the sed drops them.
    # shellcheck disable=SC2086
    (cd "$ROOT" && mvn -B -q -pl "$module" -am install -Dmaven.test.skip=true \
        -DskipFlinkCluster ${ENIS_MAVEN_ARGS:-}) 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' >&2
    local status=("${PIPESTATUS[@]}")
    if (( status[0] != 0 )); then
        echo "error: the Maven build of '$module' failed (exit status ${status[0]})" >&2
        exit 1
    fi
    touch "$ROOT/$module/target/.bin-build-stamp"
}

java_tool_run() {
    local module="$1" classpath_file="$ROOT/$1/target/$2" main_class="$3"
    shift 3
    if java_tool_needs_build "$module" "$classpath_file"; then
        java_tool_build "$module"
    fi
    local java="java"
    if [[ -n "${JAVA_HOME:-}" ]]; then
        java="$JAVA_HOME/bin/java"
    fi
    local log=()
    if [[ -n "${TOOL_LOG_FILE:-}" ]]; then
        mkdir -p "$(dirname "$TOOL_LOG_FILE")"
        log=(-Dorg.slf4j.simpleLogger.logFile="$TOOL_LOG_FILE")
    fi
    # TensorFlow reads its native log level when it loads; 2 keeps warnings and errors only.
    export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
    # shellcheck disable=SC2086
    exec "$java" -Xmx"${ENIS_HEAP:-${TOOL_HEAP:-2g}}" -Denis.home="$ROOT" \
        -Djava.awt.headless=true "${log[@]}" \
        -Dorg.slf4j.simpleLogger.defaultLogLevel="${ENIS_LOG_LEVEL:-info}" \
        -Dorg.slf4j.simpleLogger.showDateTime=true \
        -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
        ${ENIS_JAVA_OPTS:-} \
        -cp "$ROOT/$module/target/classes:$(cat "$classpath_file")" "$main_class" "$@"
}
