#!/usr/bin/env bash
# tools/native/verify.sh [TARGET...]: the native executable (target/native/jpyc) against the JVM's jpyc, byte for
# byte: both compile the same copy of an embedded CPython's stdlib (Lib/ with Lib/test, no site-packages) at the
# same path, one after the other, for each target version (default: 3.13 3.14), at optimization 0 with timestamp
# pycs and at optimization 2 with unchecked-hash ones; every pyc, the exit status and what each printed must be
# the same. The optimization-0 run is made a second time on a small heap with three compile threads
# (SMALL_HEAP: hundreds of collections, so that c/heapcommit.c recycles chunks all the time), against the same
# JVM run. Exit 0 only if all are the same.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
native="${JPYC_NATIVE:-$root/target/native/jpyc}"
[[ -x "$native" ]] || { echo "verify.sh: no $native (run tools/native/build.sh)" >&2; exit 2; }
"$root/jpyc" --version >/dev/null  # the launcher builds first if the sources changed (and says so, which would differ)
work="$(mktemp -d "${TMPDIR:-/tmp}/jpyc-native-verify.XXXXXX")"
trap 'rm -rf "$work"' EXIT
status=0
SMALL_HEAP="-Xms32m -Xmx96m -Xmn8m"

# native_run LABEL VM_OPTIONS JOBS: the executable over $tree with $options, against the JVM's run in $work/jvm.
native_run() {
  local label="$1" vm="$2" jobs="$3" native_rc pycs differ
  find "$tree" -name __pycache__ -prune -exec rm -rf {} +
  set +e
  "$native" $vm compile --target "$ver" $options -j "$jobs" "$tree" >"$work/native.out" 2>&1; native_rc=$?
  set -e
  pycs="$(cd "$tree" && find . -name '*.pyc' | wc -l)"
  differ="$(cd "$tree" && find . -name '*.pyc' -print | while read -r f; do cmp -s "$f" "$work/jvm/$f" || echo "$f"; done | wc -l)"
  if [[ "$jvm_rc" == "$native_rc" && "$pycs" == "$jvm_pycs" && "$differ" == 0 ]] && cmp -s "$work/jvm.out" "$work/native.out"; then
    echo "$label: same ($pycs pycs, exit status $native_rc, same output)"
  else
    echo "$label: DIFFERENT: exit $jvm_rc / $native_rc, pycs $jvm_pycs / $pycs, $differ differ"
    diff "$work/jvm.out" "$work/native.out" | head -20 || true
    status=1
  fi
}
versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(3.13 3.14)
for ver in "${versions[@]}"; do
  lib="$(ls -d "${JPYC_CACHE:-$HOME/.cache/jpyc}"/cpython/"$ver".*/lib/python"$ver" 2>/dev/null | head -1)"
  [[ -d "$lib" ]] || { echo "verify.sh: no embedded CPython $ver's stdlib (run ./jpyc oracle list once)" >&2; exit 2; }
  tree="$work/tree"
  rm -rf "$tree"
  (cd "$lib" && find . \( -name __pycache__ -o -path ./site-packages \) -prune -o -name '*.py' -print | tar -cf - -T -) \
    | (mkdir -p "$tree" && cd "$tree" && tar -xf -)
  for options in "" "--optimization 2 --invalidation-mode unchecked-hash"; do
    find "$tree" -name __pycache__ -prune -exec rm -rf {} +
    rm -rf "$work/jvm"
    set +e
    "$root/jpyc" compile --target "$ver" $options -j 2 "$tree" >"$work/jvm.out" 2>&1; jvm_rc=$?
    set -e
    (cd "$tree" && find . -name '*.pyc' -print0 | tar -cf "$work/jvm.tar" --null -T -)
    mkdir -p "$work/jvm" && tar -C "$work/jvm" -xf "$work/jvm.tar"
    jvm_pycs="$(cd "$work/jvm" && find . -name '*.pyc' | wc -l)"
    label="$ver ${options:-(optimization 0, timestamp)}"
    native_run "$label" "" 2
    if [[ -z "$options" ]]; then native_run "$label, $SMALL_HEAP -j 3" "$SMALL_HEAP" 3; fi
  done
done
exit "$status"
