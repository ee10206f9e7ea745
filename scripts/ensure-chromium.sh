#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (Playwright's own browser
# download is not reachable from this workplace). Idempotent; prints what it does.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium (needs root)…"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: not root; run: sudo apt-get install -y chromium fonts-dejavu-core fonts-noto-cjk" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-cjk >/dev/null
echo "ensure-chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
