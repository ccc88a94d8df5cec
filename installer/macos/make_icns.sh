#!/usr/bin/env bash
# PNG (512 px or larger) -> .icns with the macOS tools sips and iconutil.
#   installer/macos/make_icns.sh installer/assets/agentdesk.png build/agentdesk.icns
set -euo pipefail
src="$1"; out="$2"
command -v iconutil >/dev/null || { echo "make_icns.sh: iconutil needs macOS" >&2; exit 1; }
set_dir="$(mktemp -d)/agentdesk.iconset"
mkdir -p "$set_dir"
for size in 16 32 128 256; do
  sips -z "$size" "$size" "$src" --out "$set_dir/icon_${size}x${size}.png" >/dev/null
  double=$((size * 2))
  sips -z "$double" "$double" "$src" --out "$set_dir/icon_${size}x${size}@2x.png" >/dev/null
done
sips -z 512 512 "$src" --out "$set_dir/icon_512x512.png" >/dev/null
mkdir -p "$(dirname "$out")"
iconutil -c icns "$set_dir" -o "$out"
