#!/usr/bin/env bash
# Every check MynaLens has, from a fresh clone on a fresh machine: installs what it needs
# (npm packages, Debian's chromium, pcscd + vpcd + OpenSC), then runs typecheck, lint, unit
# tests, the OpenSC-against-simulator test and the browser journeys. Ends with one line:
#   tests: N passed, N failed
# Typecheck and lint count as one check each; a runner that crashes counts as one failure;
# a skipped test counts as a failure (none may be left behind).
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT

finish() {
  echo
  echo "tests: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
  exit $?
}

check() { # check NAME COMMAND...: a step that counts as one test
  local name=$1
  shift
  echo "== ${name}"
  if "$@"; then passed=$((passed + 1)); else echo "!! ${name} failed"; failed=$((failed + 1)); fi
}

count_vitest() { # count_vitest NAME JSON: add a Vitest JSON report's counts
  local counts
  if counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    const suiteFailures = (r.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + skipped + suiteFailures);
  ' "$2" 2>/dev/null); then
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
  else
    echo "!! $1 produced no report"
    failed=$((failed + 1))
  fi
}

echo "== dependencies"
# npm ci (through ensure-deps): a lock file out of step with package.json fails here instead of
# being rewritten silently.
node scripts/ensure-deps.mjs || { echo "!! npm ci failed"; failed=$((failed + 1)); finish; }
bash scripts/ensure-chromium.sh || echo "!! chromium could not be installed; the browser journeys will fail"
bash scripts/ensure-image-tools.sh || echo "!! ImageMagick/OpenJPEG/Japanese fonts could not be installed; the fixture image tests will fail"
if [ -f scripts/ensure-pcsc.sh ]; then
  bash scripts/ensure-pcsc.sh || echo "!! pcscd/vpcd/OpenSC could not be installed; the PC/SC tests and the bridge journey will fail"
fi

check typecheck npx --no-install tsc -p tsconfig.json --noEmit
check lint npx --no-install eslint . --max-warnings 0

echo "== unit tests"
npx --no-install vitest run --reporter=default --reporter=json --outputFile="$report_dir/unit.json"
count_vitest "unit tests" "$report_dir/unit.json"

if [ -f vitest.pcsc.config.ts ]; then
  echo "== OpenSC against the simulator (pcscd + vpcd)"
  npx --no-install vitest run --config vitest.pcsc.config.ts --reporter=default --reporter=json --outputFile="$report_dir/pcsc.json"
  count_vitest "pcsc tests" "$report_dir/pcsc.json"
fi

# Playwright projects: app, usb-emulator, and pcsc-bridge (the MynaLens bridge through pcscd +
# vpcd, as root: it starts its own loopback-only pcscd, so it runs after the PC/SC tests ended theirs).
echo "== browser journeys (projects app, usb-emulator, pcsc-bridge)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$report_dir/e2e.json" npx --no-install playwright test
if counts=$(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats;
  console.log(s.expected, s.unexpected + s.flaky + s.skipped);
' "$report_dir/e2e.json" 2>/dev/null); then
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
else
  echo "!! browser journeys produced no report"
  failed=$((failed + 1))
fi

finish
