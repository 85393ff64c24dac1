// Build check: the JavaScript index.html loads first must stay at or under 150 kB gzipped.
// Prints the size; exits 1 above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 150 * 1024;
const dist = new URL('../dist/', import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error('dashboard size check: index.html loads no script');
  process.exit(1);
}
let total = 0;
for (const file of scripts) total += gzipSync(readFileSync(new URL(file, dist))).length;
console.log(`dashboard: initial JavaScript ${(total / 1024).toFixed(1)} kB gzipped (${scripts.length} file(s); budget ${BUDGET / 1024} kB)`);
if (total > BUDGET) {
  console.error('dashboard: initial JavaScript is over budget');
  process.exit(1);
}
