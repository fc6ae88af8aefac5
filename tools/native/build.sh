#!/usr/bin/env bash
# tools/native/build.sh: builds target/native/jpyc, a native executable of jpyc's command line (experimental;
# tools/native/README.md says what it needs, what it measured, and what it does not promise).
#
# Without a GraalVM distribution: the image builder comes from Maven (org.graalvm.nativeimage:svm and its
# dependencies) and runs on a JDK 25 that has JVMCI (Temurin's does); the static C libraries a distribution ships
# are built here: OpenJDK's java.base natives from Debian's source package, SubstrateVM's own helpers from c/.
#   tools/native/build.sh            # about 2.5 minutes on 2 cores, 3 GB of memory at its peak
# Environment: JPYC_NATIVE_JDK (a JDK 25 with jdk.internal.vm.ci; default /usr/lib/jvm/temurin-25-jdk-amd64),
# JPYC_NATIVE_WORK (work directory; default target/native), JPYC_DEBIAN_MIRROR (default: this machine's apt mirror),
# JPYC_NATIVE_OPTS (more builder options, e.g. -H:-DeleteLocalSymbols to keep the symbols a profiler reads).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jdk="${JPYC_NATIVE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="${JPYC_NATIVE_WORK:-$root/target/native}"
graal=25.0.4              # the builder's version; it wants JVMCI 25 (see JVMCI_VERSION_CHECK below)
picocli="$(sed -n 's#.*<picocli.version>\(.*\)</picocli.version>.*#\1#p' "$root/pom.xml")"   # picocli-codegen: the same version
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
step() { echo "== $(date +%T) $*" >&2; }

[[ -x "$jdk/bin/java" ]] && "$jdk/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@' \
  || { echo "build.sh: $jdk is not a JDK with JVMCI (set JPYC_NATIVE_JDK)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "build.sh: needs gcc" >&2; exit 2; }
mkdir -p "$work"

# The engine's jar and picocli: jpyc's command line without the conformance suite and the benchmarks (whose
# commands the launcher adds from their jars; in an image they would bring Testcontainers, Docker's client and JMH).
step "jpyc's engine jar"
(cd "$root" && ./jpyc --version >/dev/null)      # builds the jars when the sources are newer
cp -p "$(ls "$root"/engine/target/jpyc-engine-*.jar | grep -v -e sources -e javadoc | head -1)" "$work/jpyc-engine.jar"
image_cp="$work/jpyc-engine.jar:$m2/info/picocli/picocli/$picocli/picocli-$picocli.jar"

step "the image builder from Maven ($graal)"
mvn -q -B dependency:get -Dartifact="org.graalvm.nativeimage:svm:$graal"
mvn -q -B dependency:get -Dartifact="info.picocli:picocli-codegen:$picocli"
g="$m2/org/graalvm"
modules=()
for a in sdk/collections sdk/word sdk/nativeimage sdk/nativeimage-libgraal nativeimage/native-image-base \
         nativeimage/objectfile nativeimage/pointsto nativeimage/svm nativeimage/svm-capnproto-runtime \
         nativeimage/svm-configure espresso/espresso-svm truffle/truffle-compiler; do
  modules+=("$g/$a/$graal/${a#*/}-$graal.jar")
done
module_path="$(IFS=:; echo "${modules[*]}")"
svm_cp="$g/nativeimage/svm/$graal/svm-$graal.jar:$g/sdk/nativeimage/$graal/nativeimage-$graal.jar:$g/sdk/word/$graal/word-$graal.jar"

# The builder looks under java.home for a distribution's files (lib/svm, lib/static): a private copy of the JDK
# holds the ones built here.
step "a private java.home"
home="$work/jdk"
[[ -d "$home" ]] || cp -a "$jdk" "$home"
mkdir -p "$home/lib/svm/builder/lib" "$work/lib/include"
gcc -O2 -shared -fPIC -I"$home/include" -I"$home/include/linux" -o "$home/lib/svm/builder/lib/libreporterchelper.so" "$here/c/reporterchelper.c"

# OpenJDK's native sources from Debian, through a private apt configuration (nothing on the machine changes).
# Debian's openjdk-25 source is tried first; the mirror here serves only openjdk-26's, whose java.base natives
# match 25's for everything a jpyc image reaches (README: "OpenJDK 26's C code").
step "OpenJDK's java.base native sources"
src_dir="$(ls -d "$work"/src/openjdk-2*/src 2>/dev/null | head -1 || true)"
if [[ -z "$src_dir" ]]; then
  mirror="${JPYC_DEBIAN_MIRROR:-$(grep -rhoE '^(URIs: |deb )https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null | head -1 | sed -E 's/^(URIs: |deb )//' || true)}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  apt_dir="$work/apt"; mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache" "$work/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main" > "$apt_dir/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/none" -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
  apt-get "${apt_opts[@]}" -qq update
  (cd "$work/src" && { apt-get "${apt_opts[@]}" -qq source --download-only openjdk-25 2>/dev/null \
      || apt-get "${apt_opts[@]}" -qq source --download-only openjdk-26; })
  orig="$(ls "$work"/src/openjdk-2*.orig.tar.xz | head -1)"
  tar -C "$work/src" -xJf "$orig" --wildcards '*/src/java.base/*' \
      '*/src/hotspot/share/include/*' '*/src/hotspot/os/posix/include/*'
  src_dir="$(ls -d "$work"/src/openjdk-2*/src | head -1)"
fi

step "headers: SubstrateVM's CPUFeatures, and JNI headers from JDK 25's class files"
# (the builder reads them from -H:CLibraryPath's include/)
"$home/bin/java" -cp "$svm_cp" "$here/gen/CpuFeaturesHeaders.java" "$work/lib/include"
cp "$here/c/svm_locale.h" "$work/lib/include/"
native_dirs=(java.base/share/native/libjava java.base/unix/native/libjava java.base/linux/native/libjava
  java.base/share/native/libnet java.base/unix/native/libnet
  java.base/share/native/libnio java.base/share/native/libnio/ch java.base/unix/native/libnio java.base/unix/native/libnio/ch
  java.base/unix/native/libnio/fs java.base/linux/native/libnio/ch java.base/linux/native/libnio/fs java.base/linux/native/libnio
  java.base/share/native/libzip)
# the headers OpenJDK's make system would generate: included by the sources, found nowhere in the tree
headers="$(cd "$src_dir" && for d in "${native_dirs[@]}"; do ls "$d"/*.c "$d"/*.h 2>/dev/null || true; done \
  | xargs grep -ho '#include "[A-Za-z0-9_]*_[A-Za-z0-9_]*\.h"' | sed 's/#include "//; s/"//' | sort -u \
  | while read -r h; do [[ -n "$(find java.base hotspot -name "$h" -print -quit)" ]] || echo "$h"; done)"
rm -rf "$work/jni"
"$home/bin/java" "$here/gen/JniHeaders.java" "$work/jni" $headers
# 26's fstatat0 returns jint where 25's returns void; a jpyc image does not reach it: the prototype goes
sed -i '/UnixNativeDispatcher_fstatat0/d' "$work/jni/sun_nio_fs_UnixNativeDispatcher.h"

step "static libraries"
jb="$src_dir/java.base"
includes=(-I"$work/jni" -I"$jb/share/native/include" -I"$jb/unix/native/include" -I"$src_dir/hotspot/share/include"
  -I"$src_dir/hotspot/os/posix/include" -I"$home/include" -I"$home/include/linux")
for d in "${native_dirs[@]}"; do includes+=(-I"$src_dir/$d"); done
jdk_version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
cflags=(-O2 -fPIC -fno-strict-aliasing -w -DLINUX -D_GNU_SOURCE -D_REENTRANT -D_LARGEFILE64_SOURCE -D_LITTLE_ENDIAN
  -DARCH='"amd64"' -Damd64 -D_LP64=1 -DSTATIC_BUILD=1 -DARCHPROPNAME='"amd64"' -DVERSION_STRING="\"$jdk_version\""
  -DVERSION_SHORT="\"${jdk_version%%+*}\"" -DVERSION_SPECIFICATION="\"${jdk_version%%.*}\"" -DVERSION_NUMBER="\"${jdk_version%%+*}\"")
static_lib() {  # NAME DIR...: every .c of the directories that compiles (Class.c and ConstantPool.c do not, and are not reached)
  local name="$1"; shift
  local objs=() c o
  mkdir -p "$work/obj/$name"
  for d in "$@"; do
    for c in "$src_dir/$d"/*.c; do
      [[ -f "$c" ]] || continue
      o="$work/obj/$name/$(basename "${c%.c}").o"
      if gcc "${cflags[@]}" -DLIBRARY_NAME="$name" "${includes[@]}" -c "$c" -o "$o" 2>"$o.err"; then objs+=("$o"); fi
    done
  done
  rm -f "$work/lib/lib$name.a"
  ar rcs "$work/lib/lib$name.a" "${objs[@]}"
  echo "  lib$name.a: ${#objs[@]} objects" >&2
}
static_lib java java.base/share/native/libjava java.base/unix/native/libjava java.base/linux/native/libjava
static_lib net java.base/share/native/libnet java.base/unix/native/libnet
static_lib nio java.base/share/native/libnio java.base/share/native/libnio/ch java.base/unix/native/libnio \
  java.base/unix/native/libnio/ch java.base/unix/native/libnio/fs java.base/linux/native/libnio/ch \
  java.base/linux/native/libnio/fs java.base/linux/native/libnio
static_lib zip java.base/share/native/libzip
gcc -O2 -fPIC -I"$work/lib/include" -c "$here/c/chelper.c" -o "$work/obj/chelper.o"
gcc -O2 -fPIC -c "$here/c/jvmshim.c" -o "$work/obj/jvmshim.o"
gcc -O2 -fPIC -c "$here/c/heapcommit.c" -o "$work/obj/heapcommit.o"   # linked as an object: its mmap is the image's
rm -f "$work/lib/liblibchelper.a" "$work/lib/libjvm.a"
ar rcs "$work/lib/liblibchelper.a" "$work/obj/chelper.o"
ar rcs "$work/lib/libjvm.a" "$work/obj/jvmshim.o"
mkdir -p "$home/lib/static/linux-amd64/glibc"
for l in java nio net zip; do cp "$work/lib/lib$l.a" "$home/lib/static/linux-amd64/glibc/"; done

# What picocli reads by reflection (its annotated classes, found in the jar) and the parsers Parser.create names.
step "reflection configuration"
"$home/bin/java" "$here/gen/PicocliClasses.java" "$work/jpyc-engine.jar" > "$work/picocli-classes.txt"
"$home/bin/java" -cp "$m2/info/picocli/picocli-codegen/$picocli/picocli-codegen-$picocli.jar:$image_cp" \
  picocli.codegen.aot.graalvm.ReflectionConfigGenerator -o "$work/reflect-config.json" $(cat "$work/picocli-classes.txt")
{
  echo "["
  sep=""
  for c in $(unzip -Z1 "$work/jpyc-engine.jar" | sed -n 's#^org/jpyc/parse/\(Parser3[0-9]*\)\.class$#org.jpyc.parse.\1#p'); do
    printf '%s  {"name":"%s","allDeclaredConstructors":true,"allDeclaredMethods":true}' "$sep" "$c"
    sep=$',\n'
  done
  printf '\n]\n'
} > "$work/reflect-parsers.json"

# The builder, launched as GraalVM's native-image driver would (that driver, svm-driver, is not served here):
# the Maven compiler jar replaces the JDK's own jdk.graal.compiler module; every package of every system module
# is exported to the builder's modules.
step "the builder's JVM arguments"
targets=org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.base,org.graalvm.nativeimage.objectfile,jdk.graal.compiler,org.graalvm.nativeimage.configure,org.graalvm.truffle.compiler,org.graalvm.espresso.shared.svm
for m in $("$home/bin/java" --list-modules | sed 's/@.*//'); do
  [[ "$m" == jdk.graal.compiler ]] && continue
  "$home/bin/java" --describe-module "$m" | awk -v m="$m" -v t="$targets" \
    '/^qualified exports/ {print "--add-exports=" m "/" $3 "=" t} /^contains/ {print "--add-exports=" m "/" $2 "=" t}'
done | sort -u > "$work/exports.args"

# Community Edition inlines only "trivial" methods (the AOT inliner that weighs call sites is Enterprise's): by
# default at most 20 nodes and one call (40 for a method that calls none), which leaves the parser's token tests
# (ParserRuntime.canStart, currentKind: a handful of nodes and one call) as calls in every rule. 60 nodes and 3
# calls (100 without calls): a -j 1 compile of the 3.13 stdlib 8-10% sooner, code twice as large (28 MB). 100
# and 4 (150): no sooner (2.87-2.97 s against 2.81-3.08, alternated), code 37 MB; 150 and 6 ran the builder out
# of memory.
#
# -H:Optimize=3 (the driver's -O3, which the Community Edition builder accepts; its banner then says "optimization level: 3"): 8
# alternated runs each, medians, 3.13 stdlib: -j 1 2.93 s -> 2.83 s, -j 2 1.79 s -> 1.67 s; the executable 6% smaller (52.6 MB). With it,
# the trivial-method limits raised to 100 nodes and 4 calls (150 without calls) again gained nothing (2.84 s
# against 2.87 s, 6 runs). Dropping isolates (-H:-SpawnIsolates, deprecated) gained nothing either.
# Nor did code for this machine's CPU instead of x86-64-v3 (-H:MicroArchitecture=native, the driver's -march=native,
# 2026-12-07): -j 1 over the 3.13 stdlib, 8 alternated pairs, median ratio of each pair's times 0.998.
#
# The heap (tools/native/README.md, "Heap memory"): c/heapcommit.c keeps the chunks the serial collector frees
# mapped, and the young generation is capped at 128 MiB (-R:MaxNewSize, the default -Xmn; the adaptive policy
# otherwise grew it to 140 MiB and more over a stdlib, touching fresh pages as it grew): about 90,000 page faults
# of a -j 1 run over the 3.13 stdlib become 50,000; 8 alternated runs each, medians: -j 1 3.03 s -> 2.76 s,
# -j 2 1.78 s -> 1.69 s. A heap of at least 256 MiB (-R:MinHeapSize, the default -Xms): the policy then makes fewer full
# collections while the largest sources, which come first, are compiled (GC 0.13 s -> 0.07 s); 8 alternated runs
# each: -j 1 2.69 s -> 2.59 s, -j 2 1.72 s -> 1.62 s. Neither commits memory before it is used (a small file's
# compile: 8 ms, 25 MB resident either way).
step "the image (about 2 minutes)"
rm -rf "$work/tmp"; mkdir -p "$work/tmp" "$work/out"
# Graal 25.0.4 asks for JVMCI "25.0.4+7-jvmci-b01" (a GraalVM JDK); Temurin's JVMCI serves it.
JVMCI_VERSION_CHECK=ignore "$home/bin/java" \
  -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -Xss10m -Xshare:off -Djava.awt.headless=true \
  -Dorg.graalvm.version="$graal" -Dorg.graalvm.vendor=jpyc-tools-native -Dcom.oracle.graalvm.isaot=true \
  -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
  -Dorg.graalvm.nativeimage.imagecode=buildtime \
  -Djdk.internal.lambda.disableEagerInitialization=true -Djdk.internal.lambda.eagerlyInitialize=false \
  -Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false \
  -Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1 -Djava.lang.invoke.MethodHandle.PROFILE_GWT=false \
  --enable-native-access=org.graalvm.nativeimage.builder \
  @"$work/exports.args" \
  --upgrade-module-path "$g/compiler/compiler/$graal/compiler-$graal.jar" --module-path "$module_path" \
  -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
  -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" \
  -imagecp "$image_cp" -H:Name=jpyc -H:Class=org.jpyc.cli.Main -H:Path="$work/out" \
  -H:CLibraryPath="$work/lib" -H:TempDirectory="$work/tmp" -H:-UseContainerSupport \
  -H:IncludeResources='org/jpyc/.*' -H:+AddAllCharsets \
  -H:ReflectionConfigurationFiles="$work/reflect-config.json,$work/reflect-parsers.json" \
  -H:NativeLinkerOption="$work/lib/libjava.a" \
  -H:NativeLinkerOption="$work/lib/libjvm.a" -H:NativeLinkerOption="$work/obj/heapcommit.o" -H:+ReportExceptionStackTraces \
  -H:Optimize=3 -H:MaxNodesInTrivialMethod=60 -H:MaxInvokesInTrivialMethod=3 -H:MaxNodesInTrivialLeafMethod=100 \
  -R:MaxNewSize=134217728 -R:MinHeapSize=268435456 \
  ${JPYC_NATIVE_OPTS:-} \
  2>&1 | grep -v 'Unknown module'
mv -f "$work/out/jpyc" "$work/jpyc"
step "built $work/jpyc"
