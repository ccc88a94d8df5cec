#!/usr/bin/env bash
# AgentDesk installers: one entry point, output in dist/.
#
#   installer/build.sh frozen   dist/agentdesk/            PyInstaller onedir tree (any OS)
#   installer/build.sh msi      dist/AgentDesk-<v>-x64.msi wixl on Linux, WiX 5 on Windows
#   installer/build.sh app      dist/AgentDesk.app         macOS only
#   installer/build.sh dmg      dist/AgentDesk-<v>.dmg     macOS only (codesign + notarytool)
#
# Environment:
#   AGENTDESK_FROZEN_DIR=DIR  package this onedir tree instead of freezing (e.g. a Windows tree
#                             from CI, to build the MSI on Linux)
#   AGENTDESK_DIST=DIR        where the MSI / DMG go (default dist)
#   AGENTDESK_BUILD=DIR       scratch space for the MSI build (default build)
#   PYTHON                    interpreter with agentdesk's dependencies and pyinstaller
#                             (default: python3; pip install -e '.[installer]')
#   Signing: AGENTDESK_SIGN_* (installer/sign.py), APPLE_* (installer/macos/build_dmg.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
DIST="${AGENTDESK_DIST:-dist}"
BUILD="${AGENTDESK_BUILD:-build}"
TARGET="${1:-}"
VERSION="$("$PYTHON" -c 'import re,sys; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", open("agentdesk/__init__.py").read()).group(1))')"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

os_name() {
  case "$(uname -s)" in
    Darwin) echo macos ;;
    MINGW*|MSYS*|CYGWIN*) echo windows ;;
    *) echo linux ;;
  esac
}

# An installed-style copy of the package: PyInstaller then finds agentdesk.ui / .sync /
# .resources inside agentdesk/ as a wheel lays them out (installer/stage.py).
stage() {
  log "staging agentdesk $VERSION in build/stage"
  "$PYTHON" installer/stage.py build/stage || die "could not stage the package in build/stage"
}

freeze() {
  "$PYTHON" -m PyInstaller --version >/dev/null 2>&1 \
    || die "PyInstaller is missing: pip install -e '.[installer]'"
  stage
  log "freezing with PyInstaller (onedir)"
  # The spec finds build/stage next to itself; relative paths keep Git Bash on Windows out of
  # path conversion.
  "$PYTHON" -m PyInstaller --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller installer/agentdesk.spec
  local launcher=dist/agentdesk/agentdesk
  [ -x "$launcher.exe" ] && launcher="$launcher.exe"
  log "smoke test: $launcher --version"
  "$launcher" --version
}

frozen_dir() {
  if [ -n "${AGENTDESK_FROZEN_DIR:-}" ]; then
    [ -d "$AGENTDESK_FROZEN_DIR" ] || die "AGENTDESK_FROZEN_DIR=$AGENTDESK_FROZEN_DIR is not a directory"
    echo "$AGENTDESK_FROZEN_DIR"
  else
    freeze >&2
    echo "dist/agentdesk"
  fi
}

build_msi() {
  local payload out
  payload="$(frozen_dir)"
  out="$DIST/AgentDesk-$VERSION-x64.msi"
  if [ -f "$payload/agentdesk.exe" ]; then
    local launchers=("$payload/agentdesk.exe")
    [ -f "$payload/agentdeskw.exe" ] && launchers+=("$payload/agentdeskw.exe")
    "$PYTHON" installer/sign.py "${launchers[@]}"
  else
    log "note: $payload holds a non-Windows launcher; this MSI only exercises the packaging"
  fi
  # wixl on Linux/macOS, WiX 5 (`wix build`) on Windows; build_msi.py picks by platform.
  "$PYTHON" installer/msi/build_msi.py --payload "$payload" --out "$out" --workdir "$BUILD/msi"
  "$PYTHON" installer/sign.py "$out"
  log "done: $out"
}

build_app() {
  [ "$(os_name)" = macos ] || die "the .app bundle is built on macOS (PyInstaller cannot cross-freeze)"
  # PyInstaller's BUNDLE step (in agentdesk.spec) makes dist/AgentDesk.app.
  mkdir -p build
  installer/macos/make_icns.sh installer/assets/agentdesk.png build/agentdesk.icns
  freeze
  installer/macos/sign_app.sh dist/AgentDesk.app
  log "done: dist/AgentDesk.app"
}

build_dmg() {
  build_app
  installer/macos/build_dmg.sh dist/AgentDesk.app "$DIST/AgentDesk-$VERSION.dmg"
}

case "$TARGET" in
  frozen) freeze ;;
  msi) build_msi ;;
  app) build_app ;;
  dmg) build_dmg ;;
  *) die "usage: installer/build.sh frozen|msi|app|dmg" ;;
esac
