#!/usr/bin/env bash
# Build the jpyc oracle images without any container registry.
#
#   docker/offline/build.sh [--force] [--cache-dir DIR] [--mirror URI] [SUITE...]
#
# For each Debian SUITE (default: all of them) this
#   1. bootstraps a minimal rootfs:  debootstrap --variant=minbase SUITE ROOTFS MIRROR
#   2. installs the suite's CPython interpreter(s) with apt inside a chroot
#   3. strips apt lists/caches, docs, man pages and logs
#   4. tars the rootfs (kept in the cache dir) and `docker import`s it as jpyc/oracle:SUITE
#
#   suite      interpreters          image
#   bullseye   python3.9             jpyc/oracle:bullseye
#   bookworm   python3.11            jpyc/oracle:bookworm
#   trixie     python3.13            jpyc/oracle:trixie
#   sid        python3.14 python3.15 jpyc/oracle:sid
#
# Options
#   --force          rebuild even if the image and/or cached tarball exist
#   --cache-dir DIR  where rootfs tarballs, .deb caches and work dirs live
#                    (default: $JPYC_ORACLE_CACHE or ~/.cache/jpyc-oracle; never inside the repo)
#   --mirror URI     Debian mirror (default: $JPYC_DEBIAN_MIRROR, else the first Debian
#                    archive URI found in this machine's /etc/apt/sources.list{,.d/*})
#   --list           print the suites and the interpreters each provides, then exit
#
# Without --force it is idempotent: an existing image is skipped, an existing cached
# tarball is re-imported without touching the network. Needs root, debootstrap and a
# running docker engine.
set -euo pipefail

declare -A PYTHONS=(
  [bullseye]="python3.9"
  [bookworm]="python3.11"
  [trixie]="python3.13"
  [sid]="python3.14 python3.15"
)
ALL_SUITES=(bullseye bookworm trixie sid)
# Suites whose Release files may be past their Valid-Until date (unstable is re-signed
# constantly; a cached or mirrored copy easily goes stale).
declare -A NO_VALID_UNTIL=([sid]=1)

FORCE=0
CACHE_DIR="${JPYC_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jpyc-oracle}"
MIRROR="${JPYC_DEBIAN_MIRROR:-}"
SUITES=()

log() { printf '[oracle] %s\n' "$*" >&2; }
die() { printf '[oracle] error: %s\n' "$*" >&2; exit 1; }

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --force) FORCE=1 ;;
    --cache-dir) [ $# -ge 2 ] || die "--cache-dir needs a value"; CACHE_DIR="$2"; shift ;;
    --cache-dir=*) CACHE_DIR="${1#*=}" ;;
    --mirror) [ $# -ge 2 ] || die "--mirror needs a value"; MIRROR="$2"; shift ;;
    --mirror=*) MIRROR="${1#*=}" ;;
    --list) for s in "${ALL_SUITES[@]}"; do echo "$s ${PYTHONS[$s]}"; done; exit 0 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -n "${PYTHONS[$1]:-}" ] || die "unknown suite $1 (known: ${ALL_SUITES[*]})"; SUITES+=("$1") ;;
  esac
  shift
done
[ ${#SUITES[@]} -gt 0 ] || SUITES=("${ALL_SUITES[@]}")

# The Debian archive URI this machine's apt already uses: deb822 "URIs:" lines of
# *.sources files and one-line "deb URI SUITE" entries, skipping security/updates archives.
detect_mirror() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    while read -r uri; do
      case "$uri" in *security*) continue ;; */debian|*/debian/) echo "${uri%/}"; return 0 ;; esac
    done < <(awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) print $i }' "$f")
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    while read -r uri; do
      case "$uri" in *security*) continue ;; */debian|*/debian/) echo "${uri%/}"; return 0 ;; esac
    done < <(awk '$1=="deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ } print $i }' "$f")
  done
  return 1
}

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot, mount)"
command -v debootstrap >/dev/null || die "debootstrap not installed (apt-get install debootstrap)"
command -v docker >/dev/null || die "docker client not installed"
docker info >/dev/null 2>&1 || die "docker engine not reachable (is dockerd running?)"
if [ -z "$MIRROR" ]; then
  MIRROR="$(detect_mirror)" || die "no Debian mirror found in /etc/apt; pass --mirror URI"
fi
mkdir -p "$CACHE_DIR"
CACHE_DIR="$(cd "$CACHE_DIR" && pwd)"
log "mirror $MIRROR, cache $CACHE_DIR"

# Mount points we created, unmounted (innermost first) on any exit.
MOUNTS=()
cleanup() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount -l "${MOUNTS[$i]}" 2>/dev/null || true
  done
  MOUNTS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP PIPE

# Unmount anything left below DIR by an earlier, killed run.
unmount_below() {
  local dir="$1" m
  while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(
    awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

build_rootfs() {
  local suite="$1" work="$2" tarball="$3" rootfs="$2/rootfs" pkgs="${PYTHONS[$1]}"
  local apt_opts="" py
  [ -n "${NO_VALID_UNTIL[$suite]:-}" ] && apt_opts="-o Acquire::Check-Valid-Until=false"

  unmount_below "$work"
  rm -rf "$work"
  mkdir -p "$rootfs" "$CACHE_DIR/debs/$suite"

  log "$suite: debootstrap --variant=minbase"
  local t0=$SECONDS
  debootstrap --variant=minbase --cache-dir="$CACHE_DIR/debs/$suite" \
    "$suite" "$rootfs" "$MIRROR" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "$suite: debootstrap failed (log: $work/debootstrap.log)"; }
  log "$suite: debootstrap done in $((SECONDS - t0))s"

  mount -t proc proc "$rootfs/proc"; MOUNTS+=("$rootfs/proc")
  echo "deb $MIRROR $suite main" > "$rootfs/etc/apt/sources.list"
  # Keep daemons from starting inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "$rootfs/usr/sbin/policy-rc.d"; chmod +x "$rootfs/usr/sbin/policy-rc.d"

  # The whole standard library: Debian ships its test package (Lib/test, ~1000 modules) apart.
  local install="$pkgs" p
  for p in $pkgs; do install+=" lib$p-testsuite"; done
  log "$suite: apt-get install $install"
  t0=$SECONDS
  # shellcheck disable=SC2086 # apt_opts and pkgs are word lists on purpose
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    /bin/sh -ec "apt-get $apt_opts update && apt-get $apt_opts install -y --no-install-recommends $install" \
    > "$work/apt.log" 2>&1 \
    || { tail -n 30 "$work/apt.log" >&2; die "$suite: installing $install failed (log: $work/apt.log)"; }
  for py in $pkgs; do
    chroot "$rootfs" "/usr/bin/$py" -c 'import sys; print(sys.version.split()[0])' >/dev/null \
      || die "$suite: $py does not run inside the rootfs"
  done
  log "$suite: apt done in $((SECONDS - t0))s"

  # Strip what an oracle never needs: apt state/caches, docs, man/info pages, logs.
  chroot "$rootfs" /usr/bin/apt-get clean
  rm -f "$rootfs/usr/sbin/policy-rc.d"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
         "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
         "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/log/* "$rootfs"/tmp/*
  cleanup

  tar -C "$rootfs" --numeric-owner -cf "$tarball.partial" .
  mv -f "$tarball.partial" "$tarball"
  rm -rf "$work"
}

for suite in "${SUITES[@]}"; do
  image="jpyc/oracle:$suite"
  tarball="$CACHE_DIR/$suite-rootfs.tar"
  if [ "$FORCE" -eq 0 ] && image_exists "$image"; then
    log "$suite: $image exists, skipping (use --force to rebuild)"
    continue
  fi
  start=$SECONDS
  if [ "$FORCE" -eq 1 ] || [ ! -s "$tarball" ]; then
    build_rootfs "$suite" "$CACHE_DIR/work-$suite" "$tarball"
  else
    log "$suite: re-importing cached $tarball"
  fi
  docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change "LABEL org.jpyc.oracle.suite=$suite org.jpyc.oracle.pythons=\"${PYTHONS[$suite]}\"" \
    --change 'CMD ["/bin/sh"]' \
    - "$image" < "$tarball" >/dev/null
  for py in ${PYTHONS[$suite]}; do
    log "$suite: $py -> $(docker run --rm "$image" "$py" -c 'import sys; print(sys.version.split()[0])')"
  done
  log "$suite: $image ready in $((SECONDS - start))s ($(du -h "$tarball" | cut -f1) rootfs)"
done
