#!/usr/bin/env bash
# Installs Debian's Chromium and the fonts the browser journeys render with, when missing
# (Playwright's own browser download is not reachable from this workplace). It checks what the
# binary is (`--version` names Chromium), not only that a file of that name exists. Idempotent.
set -euo pipefail
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
packages="chromium fonts-dejavu-core fonts-noto-cjk"

is_chromium() { [ -x "$chromium" ] && [[ "$("$chromium" --version 2>/dev/null || true)" == *Chromium* ]]; }
has_cjk_font() { [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; }

if is_chromium && has_cjk_font; then
  exit 0
fi
echo "ensure-chromium: installing Debian's ${packages} (needs root)…"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: not root; run: sudo apt-get install -y ${packages}" >&2
  exit 1
fi
apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages} >/dev/null
is_chromium || { echo "ensure-chromium: ${chromium} is still not Chromium after apt-get install" >&2; exit 1; }
echo "ensure-chromium: $("$chromium" --version 2>/dev/null | head -1)"
