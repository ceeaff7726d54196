# Sourced by bin/kafka-*.sh and bin/flink-*.sh: runs one of the infra module's command line
# tools, building the module first when needed (bin/lib/java-tool.sh):
#   run_infra_java MAIN_CLASS ARGS...
# The build installs infra and the broker and cluster runtimes into the local Maven
# repository; the first one downloads the Kafka and Flink jars.

# shellcheck source=bin/lib/java-tool.sh
source "$(dirname "${BASH_SOURCE[0]}")/java-tool.sh"

run_infra_java() {
    TOOL_WATCH=(pom.xml infra/pom.xml infra/src infra/kafka-runtime/pom.xml
        infra/flink-runtime/pom.xml)
    TOOL_HEAP=512m
    java_tool_run infra infra-runtime.classpath "$@"
}
