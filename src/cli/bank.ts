import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportJson } from '@/content/export-json';
import { loadContent } from '@/content/load-content';
import { formatProblem } from '@/content/problem';
import { readContentFiles } from '@/content/read-content-files';

const USAGE = `Usage: npm run bank -- <command>
  check [files…]                       validate banks against the schema and the sources
  export --format json [--out FILE]    write all sources and questions as one JSON document`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function loadChecked(files?: string[]) {
  const { content, problems } = loadContent(readContentFiles(process.cwd(), files));
  for (const problem of problems) console.error(formatProblem(problem));
  return { content, problems };
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'check': {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    void values;
    const { content, problems } = loadChecked(positionals.length > 0 ? positionals : undefined);
    if (problems.length > 0) {
      console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
      process.exit(1);
    }
    console.log(
      `All good: ${content.questions.length} questions in ${content.banks.length} banks, ` +
        `${content.sources.length} sources with ${content.sources.reduce((n, s) => n + s.passages.length, 0)} passages.`,
    );
    break;
  }
  case 'export': {
    const { values } = parseArgs({
      args: rest,
      options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
    });
    if (values.format !== 'json') fail(`Unknown format "${values.format}". Known formats: json.\n\n${USAGE}`);
    const { content, problems } = loadChecked();
    if (problems.length > 0) fail('Fix the problems above before exporting.');
    const text = `${JSON.stringify(exportJson(content), null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`Wrote ${content.questions.length} questions to ${values.out}.`);
    } else {
      process.stdout.write(text);
    }
    break;
  }
  default:
    fail(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
}
