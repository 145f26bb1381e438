#!/usr/bin/env bash
# The fresh-clone check: does the repository work for a stranger who has only it?
#
#   scripts/fresh-clone-check.sh [--uninstall-system-packages] [--keep] [--start-only] [SOURCE]
#
# Clones SOURCE (default: this repository, at the commit checked out here) into an empty scratch
# directory — nothing beside it, so no sibling directory of a working copy can be read — and runs exactly
# the README's two commands there:
#   1. `npm ci && npm start`: waits for GET /healthz to answer 200, then stops the service;
#   2. `npm test`: must pass (it installs Chromium, CJK fonts and LibreOffice itself when root).
# --uninstall-system-packages first purges Chromium, LibreOffice and the CJK fonts with apt-get
# (root only; it changes the machine: never on a machine other people's tests are using).
# The service gets a free port (PORT) and the embedded database; DATABASE_URL, when set, reaches
# only `npm test`, as in CI. Nothing reads stdin. The scratch directory is removed on success
# unless --keep; on failure it is kept for the logs. --start-only stops after step 1 (a quick check
# of the script and the service on a busy machine; the full check runs both steps).
set -euo pipefail

uninstall=false
keep=false
start_only=false
source_repo=""
for arg in "$@"; do
  case "$arg" in
    --uninstall-system-packages) uninstall=true ;;
    --keep) keep=true ;;
    --start-only) start_only=true ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "fresh-clone-check: unknown option $arg (valid: --uninstall-system-packages, --keep, --start-only, --help)" >&2; exit 2 ;;
    *) source_repo="$arg" ;;
  esac
done

here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "$source_repo" ]; then
  source_repo="$here"
  revision="$(git -C "$here" rev-parse HEAD)"
  if [ -n "$(git -C "$here" status --porcelain)" ]; then
    echo "fresh-clone-check: note: uncommitted changes in $here are not part of the check (it clones $revision)" >&2
  fi
else
  revision=""
fi

say() { printf '\n== %s\n' "$*"; }

if $uninstall; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "fresh-clone-check: --uninstall-system-packages needs root and apt-get" >&2
    exit 2
  fi
  say "purging Chromium, LibreOffice and the CJK fonts"
  wanted=(chromium chromium-common chromium-sandbox chromium-browser libreoffice-calc libreoffice-core libreoffice-common fonts-noto-cjk fonts-noto-cjk-extra)
  installed=()
  for p in "${wanted[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then installed+=("$p"); fi
  done
  if [ ${#installed[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${installed[@]}" </dev/null
    DEBIAN_FRONTEND=noninteractive apt-get autoremove -y -qq </dev/null
  fi
  hash -r
  for program in chromium chromium-browser google-chrome soffice; do
    if command -v "$program" >/dev/null; then echo "fresh-clone-check: $program is still installed" >&2; exit 1; fi
  done
  if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh family)" ]; then
    echo "fresh-clone-check: CJK fonts are still installed" >&2
    exit 1
  fi
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/kekao-fresh-clone-XXXXXX")"
clone="$scratch/kekao"
service_pgid=""
cleanup() {
  status=$?
  if [ -n "$service_pgid" ]; then kill -TERM -- "-$service_pgid" 2>/dev/null || true; fi
  if [ $status -eq 0 ] && ! $keep; then rm -rf "$scratch"; else echo "fresh-clone-check: logs kept in $scratch" >&2; fi
}
trap cleanup EXIT

say "cloning $source_repo into $clone"
git clone -q "$source_repo" "$clone"
if [ -n "$revision" ]; then git -C "$clone" checkout -q --detach "$revision"; fi
cd "$clone"
echo "commit $(git rev-parse --short HEAD); beside the clone: $(ls -A "$scratch" | tr '\n' ' ')"

port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
say "npm ci && npm start (PORT=$port)"
started=$(date +%s)
setsid env -u DATABASE_URL PORT="$port" bash -c 'npm ci && npm start' </dev/null >"$scratch/start.log" 2>&1 &
service_pid=$!
service_pgid=$service_pid
healthy=false
while kill -0 "$service_pid" 2>/dev/null; do
  if node -e "fetch('http://127.0.0.1:$port/healthz').then((r)=>process.exit(r.status===200?0:1),()=>process.exit(1))"; then
    healthy=true
    break
  fi
  if [ $(( $(date +%s) - started )) -gt 1200 ]; then break; fi
  sleep 2
done
if ! $healthy; then
  tail -n 40 "$scratch/start.log" >&2
  echo "fresh-clone-check: the service did not answer /healthz (log: $scratch/start.log)" >&2
  exit 1
fi
echo "GET /healthz → 200 after $(( $(date +%s) - started )) s"
kill -TERM -- "-$service_pgid"
wait "$service_pid" || true
service_pgid=""
echo "service stopped"
if $start_only; then
  say "fresh clone: service started (npm test not run: --start-only)"
  exit 0
fi

say "npm test"
set +e
npm test </dev/null 2>&1 | tee "$scratch/test.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "fresh-clone-check: npm test failed (exit $status; log: $scratch/test.log)" >&2
  exit "$status"
fi
say "fresh clone: service started and npm test passed"
