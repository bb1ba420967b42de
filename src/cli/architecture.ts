/**
 * The layer map, read from the real import graph. `npm run architecture` rewrites the generated part of
 * docs/architecture.md; `--check` (run by `npm run lint`) fails when a layer rule is broken or the page
 * no longer matches the code. Rules: .dependency-cruiser.mjs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { layerGraph, renderLayerGraph, replaceGenerated } from './layer-graph';

const DOC = 'docs/architecture.md';

// Only what this script reads of dependency-cruiser's JSON report.
const reportSchema = z.object({
  modules: z.array(
    z.object({
      source: z.string(),
      dependencies: z.array(z.object({ resolved: z.string(), coreModule: z.boolean() })),
    }),
  ),
  summary: z.object({
    violations: z.array(z.object({ from: z.string(), to: z.string(), rule: z.object({ name: z.string() }) })),
  }),
});

function cruise(root: string) {
  const run = spawnSync(
    'node_modules/.bin/depcruise',
    ['src', '--config', '.dependency-cruiser.mjs', '--output-type', 'json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const parsed = reportSchema.safeParse(JSON.parse(run.stdout || '{}'));
  if (!parsed.success) {
    console.error(`dependency-cruiser gave no report:\n${run.stderr}`);
    process.exit(2);
  }
  return parsed.data;
}

const { values } = parseArgs({ options: { check: { type: 'boolean' }, root: { type: 'string' } } });
const root = values.root ?? process.cwd();
const report = cruise(root);
const graph = layerGraph(report.modules);

if (values.root) {
  // Another checkout (an older commit, to compare): print its graph, check nothing.
  console.log(renderLayerGraph(graph));
  process.exit(0);
}

for (const violation of report.summary.violations) {
  console.error(`${violation.rule.name}: ${violation.from} → ${violation.to}`);
}
const doc = readFileSync(DOC, 'utf8');
// Formatted as Prettier would, so `prettier --check` and this check agree on the page.
const updated = await format(replaceGenerated(doc, renderLayerGraph(graph)), {
  ...(await resolveConfig(DOC)),
  filepath: DOC,
});
if (values.check) {
  if (updated !== doc) console.error(`${DOC} does not match the import graph: run npm run architecture.`);
  if (report.summary.violations.length > 0 || updated !== doc) process.exit(1);
  console.log(`Layers: no rule broken, ${DOC} matches the import graph.`);
} else {
  writeFileSync(DOC, updated);
  console.log(`Wrote the layer graph into ${DOC}.`);
  if (report.summary.violations.length > 0) process.exit(1);
}
