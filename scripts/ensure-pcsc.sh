#!/usr/bin/env bash
# Installs what the PC/SC tests need (docs/test-rigs.md §A) when any of it is missing: pcscd,
# vsmartcard's vpcd reader driver, OpenSC, pcsc-tools and openssl, and iproute2 + util-linux
# (ip, unshare, nsenter) to run pcscd in a network namespace of its own, all from Debian.
# Idempotent: does nothing when every file below is present; prints what it does.
#
# Loopback only (issue 12 §5): Debian's /etc/reader.conf.d/vpcd makes any pcscd that reads it
# (the system's, socket-activated on desktops) listen on every address, port 35963, so any host
# on the network could present a card to every PC/SC program here. This script moves that file
# out of /etc/reader.conf.d with dpkg-divert (package upgrades keep it there too); our rig gives
# its own pcscd a private copy instead (scripts/pcsc/isolatedPcscd.ts). To undo, as root:
#   dpkg-divert --local --rename --remove /etc/reader.conf.d/vpcd
# Keep the package list and file paths in step with scripts/pcsc/packages.ts (a unit test checks).
set -euo pipefail

packages="pcscd pcsc-tools opensc vsmartcard-vpcd openssl iproute2 util-linux"
system_conf=/etc/reader.conf.d/vpcd
diverted_conf=/etc/vpcd-reader.conf.disabled-by-mynalens

# One file per package that proves it is installed.
required=(
  /usr/sbin/pcscd
  /usr/bin/pcsc_scan
  /usr/bin/opensc-tool
  /usr/bin/pkcs15-tool
  /usr/bin/pkcs15-crypt
  /usr/lib/pcsc/drivers/serial/libifdvpcd.so
  /usr/bin/openssl
  /usr/sbin/ip
  /usr/bin/unshare
  /usr/bin/nsenter
)

divert_system_conf() {
  [ -e "$system_conf" ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-pcsc: ${system_conf} makes the system's pcscd listen on every address (port 35963);" \
      "as root, move it aside: dpkg-divert --local --rename --divert ${diverted_conf} --add ${system_conf}" >&2
    return 0
  fi
  dpkg-divert --local --rename --divert "$diverted_conf" --add "$system_conf" >/dev/null
  echo "ensure-pcsc: moved ${system_conf} to ${diverted_conf} (dpkg-divert) so no pcscd listens beyond loopback"
}

missing=()
for file in "${required[@]}"; do
  [ -e "$file" ] || missing+=("$file")
done

if [ "${#missing[@]}" -eq 0 ]; then
  divert_system_conf
  echo "ensure-pcsc: pcscd, vpcd, OpenSC, pcsc-tools, openssl, ip, unshare and nsenter are installed"
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

# Divert before installing too, so a fresh vsmartcard-vpcd unpacks its file aside at once.
dpkg-divert --local --rename --divert "$diverted_conf" --add "$system_conf" >/dev/null
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
echo "ensure-pcsc: installed ${packages}; ${system_conf} is diverted to ${diverted_conf}"
