# Sourced by bin/kafka-*.sh: builds the infra module with Maven when it is missing or its
# sources changed since the last build, then runs one of its command line tools with
# run_infra_java MAIN_CLASS ARGS...
#
# The build (mvn -pl infra -am install -DskipTests) installs infra and the broker and cluster
# runtimes into the local Maven repository; the first one downloads the Kafka and Flink jars.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA_CLASSES="$ROOT/infra/target/classes"
INFRA_CLASSPATH_FILE="$ROOT/infra/target/infra-runtime.classpath"
INFRA_BUILD_STAMP="$ROOT/infra/target/.bin-build-stamp"

infra_needs_build() {
    [[ -f "$INFRA_BUILD_STAMP" && -f "$INFRA_CLASSPATH_FILE" && -d "$INFRA_CLASSES" ]] \
        || return 0
    local changed
    changed="$(find "$ROOT/pom.xml" "$ROOT/infra/pom.xml" "$ROOT/infra/src" \
        "$ROOT/infra/kafka-runtime/pom.xml" "$ROOT/infra/flink-runtime/pom.xml" \
        -newer "$INFRA_BUILD_STAMP" -print -quit 2>/dev/null)"
    [[ -z "$changed" ]] || return 0
    # A cleaned local Maven repository invalidates the recorded classpath.
    local entries entry
    IFS=':' read -r -a entries < "$INFRA_CLASSPATH_FILE"
    for entry in "${entries[@]}"; do
        [[ -e "$entry" ]] || return 0
    done
    return 1
}

build_infra() {
    if ! command -v mvn > /dev/null; then
        echo "error: Maven (mvn) is needed to build the infra module; install Maven 3.8+" >&2
        exit 1
    fi
    echo "Building the infra module with Maven (first run or sources changed; the first" \
        "build downloads the Kafka and Flink jars) ..." >&2
    (cd "$ROOT" && mvn -B -q -pl infra -am install -DskipTests) >&2
    touch "$INFRA_BUILD_STAMP"
}

run_infra_java() {
    if infra_needs_build; then
        build_infra
    fi
    local java="java"
    if [[ -n "${JAVA_HOME:-}" ]]; then
        java="$JAVA_HOME/bin/java"
    fi
    exec "$java" -cp "$INFRA_CLASSES:$(cat "$INFRA_CLASSPATH_FILE")" "$@"
}
