#!/usr/bin/env bash
# Regenerates every table jpyc keeps as generated data, from the real interpreters themselves:
#   opcode tables        engine/src/main/resources/org/jpyc/code/opcodes-X.Y.tsv      (tools/gen_opcodes.py)
#   compiler tables      engine/src/main/resources/org/jpyc/instrseq/compiler-X.Y.tsv and Op.java (tools/gen_compiler_tables.py)
#   stack pops/pushes    engine/src/main/resources/org/jpyc/instrseq/stack-io-X.Y.tsv (tools/gen_stack_io.py; 3.14+)
#                        (3.15's compiler-, stack-io- and startup-interned tables come from the sid image)
#   startup interning    engine/src/main/resources/org/jpyc/compile/startup-interned-X.Y.txt (tools/gen_startup_interned.py; compiler targets)
#                        and compileall[-workers]-interned-X.Y.txt (the same, --compileall[-workers])
#   printable tables     engine/src/main/resources/org/jpyc/object/unicode/*.txt      (tools/gen_unicode_printable.py)
#   magic numbers        engine/src/main/resources/org/jpyc/pyc/magic.tsv             (tools/gen_magic.py)
#   Unicode names        engine/src/main/resources/org/jpyc/object/unicode/names.txt  (tools/gen_unicode_names.py)
#   ASDL of 3.15         tools/asdl/Python-3.15.asdl                                  (tools/asdl_from_interpreter.py)
# 3.10-3.14 come from the embedded interpreters (unpacked by `./jpyc oracle list` into
# ${JPYC_CACHE:-~/.cache/jpyc}/cpython); 3.9 and 3.15 from the offline oracle images
# (docker/offline/build.sh bullseye sid) when a Docker engine is running; skipped otherwise.
# Usage: tools/regen-tables.sh            then review `git diff` and commit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cache="${JPYC_CACHE:-$HOME/.cache/jpyc}"
res=engine/src/main/resources/org/jpyc
export PYTHONHASHSEED=0
names_dir="$(mktemp -d)"
trap 'rm -rf "$names_dir"' EXIT

# One line per interpreter: "X.Y  <full version>  embedded  <path to pythonX.Y>" (unpacks them once).
declare -A embedded
while read -r line; do
  embedded[${line%% *}]="${line##* }"
done < <(./jpyc oracle list --oracle embedded)

for minor in $(printf '%s\n' "${!embedded[@]}" | sort -V); do
  py="${embedded[$minor]}"
  echo "== $minor: $py"
  "$py" tools/gen_opcodes.py "$res/code"
  "$py" tools/gen_compiler_tables.py "$res/instrseq"
  "$py" tools/gen_unicode_printable.py "$res/object/unicode"
  "$py" tools/gen_unicode_names.py dump > "$names_dir/$minor.json"
  "$py" tools/gen_static_addresses.py "$res/object"
done

magic_inputs=()
for minor in 3.10 3.11 3.12 3.13; do
  magic_inputs+=("$(realpath "$(dirname "${embedded[$minor]}")/../lib/python$minor/importlib/_bootstrap_external.py")")
done
magic_inputs+=("$(realpath "$(dirname "${embedded[3.14]}")/../include/python3.14/internal/pycore_magic_number.h")")

if docker info > /dev/null 2>&1; then
  run() { docker run --rm -e PYTHONHASHSEED=0 -e JPYC_DRIVER=/oracle/driver.py -v "$root/tools:/tools:ro" \
    -v "$root/conformance/src/main/resources/org/jpyc/conformance/oracle:/oracle:ro" "$@"; }
  for spec in bullseye:3.9 sid:3.15; do
    image="jpyc/oracle:${spec%%:*}"; minor="${spec##*:}"
    docker image inspect "$image" > /dev/null 2>&1 || { echo "skip $minor: no image $image (docker/offline/build.sh ${spec%%:*})"; continue; }
    echo "== $minor: $image"
    run -v "$root/$res/code:/out" "$image" "python$minor" /tools/gen_opcodes.py /out
    run -v "$root/$res/object/unicode:/out" "$image" "python$minor" /tools/gen_unicode_printable.py /out
    run "$image" "python$minor" /tools/gen_unicode_names.py dump > "$names_dir/$minor.json"
  done
  if docker image inspect jpyc/oracle:sid > /dev/null 2>&1; then
    # 3.15's magic-number history ships in Debian's libpython3.15-dev (Include/internal).
    mkdir -p "$cache/debian-sid"
    docker run --rm jpyc/oracle:sid bash -c \
      "apt-get -qq -o Acquire::Check-Valid-Until=false update >/dev/null && \
       apt-get -qq -o Acquire::Check-Valid-Until=false install -y libpython3.15-dev >/dev/null && \
       cat /usr/include/python3.15/internal/pycore_magic_number.h" > "$cache/debian-sid/pycore_magic_number-3.15.h"
    magic_inputs+=("$cache/debian-sid/pycore_magic_number-3.15.h")
    run jpyc/oracle:sid python3.15 /tools/asdl_from_interpreter.py > tools/asdl/Python-3.15.asdl
    # 3.15's compiler tables (the compiler's version in progress); its headers come from libpython3.15-dev
    inc315="$cache/debian-sid/include-3.15"
    mkdir -p "$inc315"
    docker run --rm -v "$inc315:/out" jpyc/oracle:sid bash -c \
      "apt-get -qq -o Acquire::Check-Valid-Until=false update >/dev/null && \
       apt-get -qq -o Acquire::Check-Valid-Until=false install -y libpython3.15-dev >/dev/null && \
       cp -r /usr/include/python3.15/. /out/"
    run -v "$root/$res/instrseq:/out" jpyc/oracle:sid python3.15 /tools/gen_compiler_tables.py /out
    run -v "$root/$res/object:/out" jpyc/oracle:sid python3.15 /tools/gen_static_addresses.py /out
    run -v "$root/$res/instrseq:/out" -v "$inc315:/usr/include/python3.15:ro" jpyc/oracle:sid python3.15 /tools/gen_stack_io.py /out
    for profile in "" --compileall --compileall-workers; do
      run -v "$root/$res/compile:/out" -v "$inc315:/usr/include/python3.15:ro" jpyc/oracle:sid \
        python3.15 -B /tools/gen_startup_interned.py $profile --include /usr/include/python3.15 /out
    done
  fi
else
  echo "no Docker engine: 3.9 and 3.15 tables left as they are"
fi

# the strings a fresh interpreter has interned at py_compile time, for the versions the compiler targets
# (with the runtime's static strings as candidates, --include, as the committed 3.11, 3.12 and 3.13 lists were made;
# 3.14's was made without them: with them it gains 45 strings, such as <genexpr> and .<locals>, which no
# 3.14 case or stdlib file has needed so far)
inc() { realpath "$(dirname "${embedded[$1]}")/../include/python$1"; }
# (3.10: no static strings header; in 3.10 an interned str lives only while held, so its list is also what the
# interpreter holds, which 3.10's FLAG_REF bits see)
"${embedded[3.10]}" tools/gen_startup_interned.py "$res/compile"
"${embedded[3.11]}" tools/gen_startup_interned.py --include "$(inc 3.11)" "$res/compile"
"${embedded[3.12]}" tools/gen_startup_interned.py --include "$(inc 3.12)" "$res/compile"
"${embedded[3.13]}" tools/gen_startup_interned.py --include "$(inc 3.13)" "$res/compile"
"${embedded[3.14]}" tools/gen_startup_interned.py "$res/compile"
# pops and pushes per opcode (flowgraph's optimize_load_fast, 3.14+), from the interpreter's own header
"${embedded[3.14]}" tools/gen_stack_io.py "$res/instrseq"
# jpyc compileall's reference process (-B: the embedded interpreter's stdlib stays without pycs)
"${embedded[3.10]}" -B tools/gen_startup_interned.py --compileall "$res/compile"
"${embedded[3.10]}" -B tools/gen_startup_interned.py --compileall-workers "$res/compile"
for minor in 3.11 3.12 3.13 3.14; do
  for profile in --compileall --compileall-workers; do
    "${embedded[$minor]}" -B tools/gen_startup_interned.py "$profile" \
      --include "$(realpath "$(dirname "${embedded[$minor]}")/../include/python$minor")" "$res/compile"
  done
done
python3 tools/gen_compiler_tables.py --java
"${embedded[3.14]}" tools/gen_magic.py -o "$res/pyc/magic.tsv" "${magic_inputs[@]}"
"${embedded[3.14]}" tools/gen_unicode_names.py merge "$res/object/unicode/names.txt" "$names_dir"/*.json
echo "done; review with: git diff --stat"
