#!/usr/bin/env bash
# Installs what the simulator's issuance images need (scripts/fixtures/images.ts, run by its unit
# tests and by `npm run fixtures`) when any of it is missing: ImageMagick, OpenJPEG's command-line
# tools and the IPAGothic font, all from Debian. It checks what each tool *is*, not only that a file
# of that name exists: some machines carry a `convert` that is not ImageMagick.
set -euo pipefail

packages="imagemagick libopenjp2-tools fontconfig fonts-ipafont-gothic"
# The font images.ts prefers: its metrics are what the fixture images and their tests were made with.
ipa_gothic=/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf

# Each check reads the whole output first: with pipefail, `tool | grep -q` fails when grep stops
# reading early and the tool dies of SIGPIPE, or when the tool's help exits non-zero.
is_imagemagick() { [[ "$(convert -version 2>/dev/null || true)" == *ImageMagick* ]]; }
is_openjpeg() { [[ "$(opj_compress -h 2>&1 || true)" == *OpenJPEG* ]]; }
has_japanese_font() { [ -f "$ipa_gothic" ]; }

missing=()
is_imagemagick || missing+=("ImageMagick (convert)")
is_openjpeg || missing+=("OpenJPEG (opj_compress)")
has_japanese_font || missing+=("IPAGothic (${ipa_gothic})")

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ensure-image-tools: ImageMagick, OpenJPEG and IPAGothic are installed"
  exit 0
fi

echo "ensure-image-tools: missing ${missing[*]}"
install_command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-image-tools: not root; run as root: ${install_command}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-image-tools: no apt-get here; install the Debian packages ${packages} by hand" >&2
  exit 1
fi

echo "ensure-image-tools: ${install_command}"
apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split into words
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages} >/dev/null

is_imagemagick || { echo "ensure-image-tools: 'convert' is still not ImageMagick after apt-get install ($(command -v convert))" >&2; exit 1; }
is_openjpeg || { echo "ensure-image-tools: opj_compress is still missing after apt-get install" >&2; exit 1; }
has_japanese_font || { echo "ensure-image-tools: still no IPAGothic after apt-get install" >&2; exit 1; }
echo "ensure-image-tools: installed ${packages}"
