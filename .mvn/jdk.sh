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
  if [ -n "$current" ] && [ -x "$current/bin/javac" ]; then
    major=$(edge_java_major "$current")
    if [ -n "$major" ] && [ "$major" -ge "$edge_required_java" ]; then
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
    echo "Edge Studio needs a JDK $edge_required_java or newer to build; found ${current:-no JDK}${major:+ (Java $major)}." >&2
    echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin 21+ JDK) and set JAVA_HOME to it." >&2
    exit 1
  fi
  [ "${MVNW_VERBOSE-}" = true ] && echo "mvnw: using JDK $best_major at $best" >&2
  JAVA_HOME=$best
  export JAVA_HOME
}

edge_pick_jdk
