#!/usr/bin/env bash
# Code-sign AgentDesk.app with the hardened runtime, or say clearly that it is unsigned.
#   installer/macos/sign_app.sh dist/AgentDesk.app
# Environment:
#   APPLE_SIGN_IDENTITY   "Developer ID Application: Example Ltd (TEAMID)" in the keychain
#   APPLE_SIGN_REQUIRED=1 fail instead of producing an unsigned app (release builds)
# On CI, import the certificate first (see installer/ci/macos-dmg.yml).
set -euo pipefail
app="$1"
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${APPLE_SIGN_IDENTITY:-}" ]; then
  if [ "${APPLE_SIGN_REQUIRED:-0}" = 1 ]; then
    echo "sign_app.sh: APPLE_SIGN_REQUIRED=1 but APPLE_SIGN_IDENTITY is not set" >&2; exit 1
  fi
  # Ad-hoc signature: Apple silicon refuses to run unsigned code at all.
  codesign --force --deep --sign - "$app"
  echo "*** UNSIGNED: $app has only an ad-hoc signature; Gatekeeper will block it on other Macs." \
       "Set APPLE_SIGN_IDENTITY to sign. ***" >&2
  exit 0
fi
# Inside-out: every Mach-O in Contents/ (frameworks, dylibs, .so), then the bundle itself.
find "$app/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
  while IFS= read -r -d '' file; do
    if file "$file" | grep -q 'Mach-O'; then
      codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
        --sign "$APPLE_SIGN_IDENTITY" "$file"
    fi
  done
codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
  --sign "$APPLE_SIGN_IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"
echo "SIGNED: $app ($APPLE_SIGN_IDENTITY)" >&2
