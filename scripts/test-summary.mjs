// Prints each runner's counts, and the total, as plain "N passed, N failed, N skipped" lines
// from the JSON reports that Vitest and Playwright write during `npm test`.
import { readFileSync } from 'node:fs';

function read(file) {
  return JSON.parse(readFileSync(new URL(`../.reports/${file}`, import.meta.url), 'utf8'));
}

const unit = read('unit.json');
const unitCounts = {
  passed: unit.numPassedTests,
  failed: unit.numFailedTests,
  skipped: unit.numPendingTests + unit.numTodoTests,
};

const e2e = read('e2e.json');
const e2eCounts = {
  passed: e2e.stats.expected + e2e.stats.flaky,
  failed: e2e.stats.unexpected,
  skipped: e2e.stats.skipped,
};

const line = (label, c) => `${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
console.log('');
console.log(line('unit', unitCounts));
console.log(line('e2e', e2eCounts));
const total = {
  passed: unitCounts.passed + e2eCounts.passed,
  failed: unitCounts.failed + e2eCounts.failed,
  skipped: unitCounts.skipped + e2eCounts.skipped,
};
console.log(line('total', total));
if (total.failed > 0) process.exitCode = 1;
