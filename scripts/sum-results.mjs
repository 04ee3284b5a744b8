// Sums the suites' JSON reports into the single line CI reads: "N passed, N failed". Vitest's
// reports (unit, Firefox, WebKit) and Playwright's (Chromium e2e) are told apart by their shape.
// A suite that did not report counts as one failure, so a run that tested nothing cannot pass.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) {
    console.log(`no report: ${path}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  } else {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
