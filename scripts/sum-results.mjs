// Sums Vitest and Playwright JSON reports into the single line CI reads: "N passed, N failed".
// A suite that did not report counts as one failure, so a run that tested nothing cannot pass.
import { existsSync, readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else failed += 1;

if (existsSync(e2ePath)) {
  const { stats } = JSON.parse(readFileSync(e2ePath, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
