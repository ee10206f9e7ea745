#!/usr/bin/env bash
# Installs what the OpenSC-against-the-simulator test needs (docs/test-rigs.md §A) when any of it
# is missing: pcscd, vsmartcard's vpcd reader driver, OpenSC, pcsc-tools and openssl, all from
# Debian. Idempotent: does nothing when every file below is present; prints what it does.
# Keep the package list in step with scripts/pcsc/packages.ts (a unit test checks it).
set -euo pipefail

packages="pcscd pcsc-tools opensc vsmartcard-vpcd openssl"

# One file per package that proves it is installed.
required=(
  /usr/sbin/pcscd
  /usr/bin/pcsc_scan
  /usr/bin/opensc-tool
  /usr/bin/pkcs15-tool
  /usr/bin/pkcs15-crypt
  /usr/lib/pcsc/drivers/serial/libifdvpcd.so
  /etc/reader.conf.d/vpcd
  /usr/bin/openssl
)

missing=()
for file in "${required[@]}"; do
  [ -e "$file" ] || missing+=("$file")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ensure-pcsc: pcscd, vpcd, OpenSC, pcsc-tools and openssl are installed"
  exit 0
fi

echo "ensure-pcsc: missing ${missing[*]}"
install_command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-pcsc: not root; run as root: ${install_command}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-pcsc: no apt-get here; install the Debian packages ${packages} by hand" >&2
  exit 1
fi

echo "ensure-pcsc: ${install_command}"
apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages} >/dev/null

for file in "${required[@]}"; do
  if [ ! -e "$file" ]; then
    echo "ensure-pcsc: ${file} is still missing after apt-get install" >&2
    exit 1
  fi
done
echo "ensure-pcsc: installed ${packages}"
