# Sourced by ./mvnw: Edge Studio builds need a JDK 21 or newer (Tycho, Xtext, --release 21).
# When JAVA_HOME (or the java on the PATH) is older, pick the newest JDK 21+ found under
# /usr/lib/jvm, /usr/java and /opt/java (override with EDGE_JDK_SEARCH="dir1 dir2"),
# otherwise stop with a message that says what to install.
edge_required_java=21

edge_java_major() {
  # $1: a JDK home. Prints its feature release (e.g. 25) or nothing.
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

edge_current_home() {
  if [ -n "${JAVA_HOME-}" ]; then
    printf %s "$JAVA_HOME"
  elif command -v javac >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v javac)")")"
  fi
}

edge_pick_jdk() {
  current=$(edge_current_home)
  current_major=""
  if [ -n "$current" ] && [ -x "$current/bin/javac" ]; then
    current_major=$(edge_java_major "$current")
    if [ -n "$current_major" ] && [ "$current_major" -ge "$edge_required_java" ]; then
      return 0
    fi
  fi
  best="" best_major=0
  set +f  # mvnw runs with globbing off; the search below needs it
  for dir in ${EDGE_JDK_SEARCH:-/usr/lib/jvm /usr/java /opt/java}; do
    [ -d "$dir" ] || continue
    for home in "$dir"/*; do
      [ -x "$home/bin/javac" ] || continue
      major=$(edge_java_major "$home")
      [ -n "$major" ] || continue
      if [ "$major" -ge "$edge_required_java" ] && [ "$major" -gt "$best_major" ]; then
        best=$home best_major=$major
      fi
    done
  done
  set -f
  if [ -z "$best" ]; then
    echo "Edge Studio needs a JDK $edge_required_java or newer to build; found ${current:-no JDK}${current_major:+ (Java $current_major)}." >&2
    echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+ JDK) and set JAVA_HOME to it." >&2
    exit 1
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    echo "${0##*/}: JAVA_HOME is Java ${current_major:-?}; using JDK $best_major at $best instead" >&2
  elif [ "${MVNW_VERBOSE-}" = true ]; then
    echo "${0##*/}: using JDK $best_major at $best" >&2
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

edge_quiet_unsafe_warnings() {
  # Maven's own Guice prints sun.misc.Unsafe deprecation warnings on JDK 24+; the flag that silences
  # them does not exist on older JDKs, so add it only there.
  major=$(edge_java_major "$(edge_current_home)")
  if [ -n "$major" ] && [ "$major" -ge 24 ]; then
    case " ${MAVEN_OPTS-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
    esac
  fi
}

edge_pick_jdk
edge_quiet_unsafe_warnings
