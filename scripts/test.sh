#!/usr/bin/env bash
# Every test: lint and format, types, unit (Vitest), end-to-end against the production build
# (Playwright in Debian Chromium; Debian's Firefox ESR over WebDriver BiDi; Debian's WebKitGTK, Safari's
# engine, over W3C WebDriver). Ends with one line
# "N passed, N failed" summed over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports  # not test-results/: Playwright empties that folder when it starts
rm -f reports/unit.json reports/e2e.json reports/firefox.json reports/webkit.json

status=0
npx biome check --error-on-warnings . || status=1  # lint + format (biome.jsonc): no errors, no warnings
npx tsc --noEmit -p . || status=1
bash scripts/make-fixtures.sh || status=1
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json || status=1
if npx vite build --logLevel warn; then
  npx playwright test || status=1
  npx vitest run --config tests/firefox/vitest.config.ts --reporter=default --reporter=json --outputFile=reports/firefox.json || status=1
  npx vitest run --config tests/webkit/vitest.config.ts --reporter=default --reporter=json --outputFile=reports/webkit.json || status=1
else
  status=1
fi

node scripts/sum-results.mjs reports/unit.json reports/e2e.json reports/firefox.json reports/webkit.json || status=1
exit $status
