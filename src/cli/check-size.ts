import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AFTER_FIRST_PAINT_SCRIPT } from '../build/scripts-after-paint';

/** Budgets in KiB of gzip, counted in bytes from the production build in dist/ (never timed). */
const BUDGET = { firstPageJs: 90, otherChunk: 30, css: 15 };
const KIB = 1024;

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;

// What a first visit loads: the entry script and the modules it preloads, named in index.html, and
// on a page that paints from its HTML the small script that asks for them after that paint.
const firstPage = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
]
  .map((match) => match[1] ?? '')
  .concat(existsSync(join(dist, AFTER_FIRST_PAINT_SCRIPT)) ? [AFTER_FIRST_PAINT_SCRIPT] : []);
const assets = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
const scripts = assets.filter((file) => file.endsWith('.js'));
const styles = assets.filter((file) => file.endsWith('.css'));

const failures: string[] = [];
const firstPageBytes = firstPage.reduce((sum, file) => sum + gzipped(file), 0);
console.log(
  `First page JavaScript: ${kib(firstPageBytes)} gzip (budget ${BUDGET.firstPageJs} KiB): ${firstPage.join(', ')}`,
);
if (firstPage.length === 0) failures.push('no entry script found in index.html');
if (firstPageBytes > BUDGET.firstPageJs * KIB)
  failures.push(`first page JavaScript is ${kib(firstPageBytes)}`);

for (const file of scripts.filter((name) => !firstPage.includes(name))) {
  const bytes = gzipped(file);
  console.log(`  chunk ${file}: ${kib(bytes)}`);
  if (bytes > BUDGET.otherChunk * KIB)
    failures.push(`${file} is ${kib(bytes)} (budget ${BUDGET.otherChunk} KiB)`);
}
const cssBytes = styles.reduce((sum, file) => sum + gzipped(file), 0);
console.log(`CSS: ${kib(cssBytes)} gzip in ${styles.length} files (budget ${BUDGET.css} KiB)`);
if (cssBytes > BUDGET.css * KIB) failures.push(`CSS is ${kib(cssBytes)}`);

if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('Size budget: all within budget.');
