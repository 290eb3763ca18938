# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm (or $THEUS_JVM_DIR).
# Prints one clear line and returns 1 when no suitable JDK exists.

theus_java_major() { # $1 = JDK home; prints its feature version or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && echo "$v"
}

theus_find_jdk() {
  local min=21 best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(theus_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for dir in "${THEUS_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$dir" ] && [ ! -L "$dir" ] || continue
    v=$(theus_java_major "$dir") || continue
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  [ -n "$best" ] && echo "$best"
}

if THEUS_JDK=$(theus_find_jdk) && [ -n "$THEUS_JDK" ]; then
  export JAVA_HOME="$THEUS_JDK"
  export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "theus: no JDK 21 or newer found (JAVA_HOME='${JAVA_HOME:-}' and ${THEUS_JVM_DIR:-/usr/lib/jvm} have none); install one or set JAVA_HOME" >&2
  return 1 2>/dev/null || exit 1
fi
