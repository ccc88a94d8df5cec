#!/usr/bin/env bash
# AgentDesk.app -> a compressed, signed and notarised DMG.
#   installer/macos/build_dmg.sh dist/AgentDesk.app dist/AgentDesk-0.1.0.dmg
# Uses create-dmg (brew install create-dmg) when present for the drag-to-Applications layout,
# hdiutil otherwise. Environment (all optional; without them the DMG is unsigned, and says so):
#   APPLE_SIGN_IDENTITY                     Developer ID Application identity (signs the DMG)
#   APPLE_NOTARY_PROFILE                    a keychain profile made with
#                                           `xcrun notarytool store-credentials`, or
#   APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD   an app-specific password, or
#   APPLE_API_KEY_PATH + APPLE_API_KEY_ID + APPLE_API_ISSUER   an App Store Connect API key
set -euo pipefail
app="$1"; dmg="$2"
[ -d "$app" ] || { echo "build_dmg.sh: $app is not an app bundle" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "build_dmg.sh: hdiutil needs macOS" >&2; exit 1; }
rm -f "$dmg"
staging="$(mktemp -d)"
cp -R "$app" "$staging/"
if command -v create-dmg >/dev/null; then
  create-dmg --volname "AgentDesk" --window-size 540 380 --icon-size 96 \
    --icon "AgentDesk.app" 140 180 --app-drop-link 400 180 --no-internet-enable \
    "$dmg" "$staging"
else
  ln -s /Applications "$staging/Applications"
  hdiutil create -volname "AgentDesk" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
fi
rm -rf "$staging"

if [ -z "${APPLE_SIGN_IDENTITY:-}" ]; then
  echo "*** UNSIGNED: $dmg is neither signed nor notarised (set APPLE_SIGN_IDENTITY and notary" \
       "credentials). ***" >&2
  exit 0
fi
codesign --force --timestamp --sign "$APPLE_SIGN_IDENTITY" "$dmg"

notary=()
if [ -n "${APPLE_NOTARY_PROFILE:-}" ]; then
  notary=(--keychain-profile "$APPLE_NOTARY_PROFILE")
elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  notary=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
elif [ -n "${APPLE_API_KEY_PATH:-}" ] && [ -n "${APPLE_API_KEY_ID:-}" ] && [ -n "${APPLE_API_ISSUER:-}" ]; then
  notary=(--key "$APPLE_API_KEY_PATH" --key-id "$APPLE_API_KEY_ID" --issuer "$APPLE_API_ISSUER")
fi
if [ ${#notary[@]} -eq 0 ]; then
  echo "*** NOT NOTARISED: $dmg is signed but Gatekeeper will warn (no notary credentials). ***" >&2
  exit 0
fi
xcrun notarytool submit "$dmg" "${notary[@]}" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
echo "SIGNED and NOTARISED: $dmg" >&2
