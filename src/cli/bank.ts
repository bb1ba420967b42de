import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CITATION_LOCK_PATH,
  compareWithLock,
  confirmCitations,
  EMPTY_CITATION_LOCK,
  parseCitationLock,
  serializeCitationLock,
  type CitationLock,
  type ConfirmScope,
} from '../build/citation-lock';
import { checkCitationLock } from '../build/check-citation-lock';
import { computeCoverage } from '../build/coverage';
import { exportJson } from '../formats/export-json';
import { exportContent as exportInFormat, skippedLines } from '../formats/export-content';
import { importedBankYaml, importFile, importReport } from '../formats/import-file';
import { loadContent, loadTopics, type ContentFiles } from '../build/load-content';
import { compareProblems, formatProblem, type Problem } from '../build/problem';
import { readContentFiles } from '../build/read-content-files';
import { formatCoverage } from './format-coverage';

const USAGE = `Usage: npm run bank -- <command>
  check [files…]                       validate banks against the schema, the sources and the citation lock
  coverage [--strict]                  the questions citing each passage, uncited numbers, totals;
                                       --strict fails when a passage that states a number is cited by no question
  confirm <question-id…> | --new | --all
                                       record the cited passages in ${CITATION_LOCK_PATH}:
                                       the named questions, only the new ones, or all of them
  export [--format F] [--out FILE] [--bank ID]
                                       write the questions (all, or one bank's) as F: json (default; all sources
                                       and questions as one document), gift, moodle-xml, qti (a zip: needs --out),
                                       aiken, csv or csv-semicolon; questions F cannot express are listed on stderr
  import FILE [--format F] [--out FILE.yaml]
                                       read questions from F: gift, aiken, csv or json (default: from the file
                                       name); --out writes them as a draft bank, to finish with citations`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function loadChecked(files: ContentFiles) {
  const { content, problems } = loadContent(files);
  for (const problem of problems) console.error(formatProblem(problem));
  return { content, problems };
}

/** The committed lock, an empty one before the first confirm, or the problems that make it unreadable. */
function readLock(): { ok: true; value: CitationLock } | { ok: false; problems: Problem[] } {
  if (!existsSync(CITATION_LOCK_PATH)) return { ok: true, value: EMPTY_CITATION_LOCK };
  return parseCitationLock({ path: CITATION_LOCK_PATH, text: readFileSync(CITATION_LOCK_PATH, 'utf8') });
}

function check(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const files = readContentFiles(process.cwd(), positionals.length > 0 ? positionals : undefined);
  const { content, problems } = loadContent(files);
  const lock = readLock();
  const { problems: lockProblems, unconfirmed } = lock.ok
    ? checkCitationLock(content, files.banks, lock.value)
    : { problems: lock.problems, unconfirmed: [] };
  const all = [...problems, ...lockProblems].sort(compareProblems);
  for (const problem of all) console.error(formatProblem(problem));
  const are = unconfirmed.length === 1 ? 'is' : 'are';
  const note =
    unconfirmed.length > 0
      ? `Note: ${plural(unconfirmed.length, 'question')} ${are} not in the citation lock yet: run npm run bank -- confirm --new`
      : undefined;
  if (all.length > 0) {
    if (note) console.error(`\n${note}`);
    console.error(`\n${plural(all.length, 'problem')} found.`);
    process.exit(1);
  }
  if (note) console.log(note);
  console.log(
    `All good: ${plural(content.questions.length, 'question')} in ${plural(content.banks.length, 'bank')}, ` +
      `${content.sources.length} sources with ${content.sources.reduce((n, s) => n + s.passages.length, 0)} passages.`,
  );
}

function coverage(args: string[]) {
  const { values } = parseArgs({ args, options: { strict: { type: 'boolean', default: false } } });
  const { content, problems } = loadChecked(readContentFiles(process.cwd()));
  if (problems.length > 0) {
    console.error(
      `\n${plural(problems.length, 'problem')} found (see npm run bank -- check): coverage may be incomplete.\n`,
    );
  }
  const result = computeCoverage(content);
  console.log(formatCoverage(result, Math.max(60, process.stdout.columns || 100)).join('\n'));
  if (!values.strict) return;
  const uncited = result.uncitedWithNumbers.length;
  if (uncited > 0 || problems.length > 0) {
    const why =
      uncited > 0
        ? `${plural(uncited, 'passage')} that state a number cited by no question`
        : 'problems in the banks';
    console.log(`\ncoverage --strict failed: ${why}.`);
    process.exit(1);
  }
  console.log('\ncoverage --strict passed: every passage that states a number is cited.');
}

function confirm(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, new: { type: 'boolean', default: false } },
  });
  if (Number(values.all) + Number(values.new) + Number(positionals.length > 0) !== 1) {
    fail(`confirm takes question ids, or --new, or --all (one of them).\n\n${USAGE}`);
  }
  const scope: ConfirmScope = values.all ? 'all' : values.new ? 'new' : positionals;
  const { content, problems } = loadChecked(readContentFiles(process.cwd()));
  if (problems.length > 0) {
    console.error('\nFix the problems above first: confirm records only questions that pass the checker.');
    process.exit(1);
  }
  const unknown = positionals.filter((id) => !content.questions.some((question) => question.id === id));
  if (unknown.length > 0) fail(`No question with the id ${unknown.map((id) => `"${id}"`).join(', ')}.`);
  const read = readLock();
  // A lock that cannot be read (say, a merge conflict) can only be rebuilt from scratch.
  if (!read.ok && scope !== 'all') {
    for (const problem of read.problems) console.error(formatProblem(problem));
    fail(`\n${CITATION_LOCK_PATH} cannot be read: fix it, or rebuild it with npm run bank -- confirm --all.`);
  }
  const before = read.ok ? read.value : EMPTY_CITATION_LOCK;
  const wasStale = new Set(compareWithLock(content, before).stale.map((s) => s.questionId));
  const { lock, changed, dropped } = confirmCitations(content, before, scope);
  writeFileSync(CITATION_LOCK_PATH, serializeCitationLock(lock));

  const cleared = changed.filter((id) => wasStale.has(id));
  const stillStale = [...new Set(compareWithLock(content, lock).stale.map((s) => s.questionId))];
  console.log(
    `${CITATION_LOCK_PATH}: ${plural(changed.length, 'question')} recorded, ${plural(dropped.length, 'removed question')} dropped, ` +
      `${plural(Object.keys(lock.questions).length, 'question')} in the lock.`,
  );
  if (cleared.length > 0) console.log(`Confirmed after a source change: ${cleared.join(', ')}.`);
  if (stillStale.length > 0) {
    console.log(`Still citing a changed passage (review, then confirm by id): ${stillStale.join(', ')}.`);
  }
}

function exportContent(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      bank: { type: 'string' },
    },
  });
  const { content, problems } = loadChecked(readContentFiles(process.cwd()));
  if (problems.length > 0) fail('Fix the problems above before exporting.');
  if (values.format === 'json' && values.bank === undefined) {
    // The whole content keeps the original path, byte for byte.
    const text = `${JSON.stringify(exportJson(content), null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, text);
      console.error(`Wrote ${content.questions.length} questions to ${values.out}.`);
    } else {
      process.stdout.write(text);
    }
    return;
  }
  const exported = exportInFormat(content, values.format, values.bank);
  if (!exported.ok) fail(`${exported.message}\n\n${USAGE}`);
  const [file] = exported.result.files;
  if (!file) fail('The exporter wrote no file.');
  for (const line of skippedLines(exported.result, values.format)) console.error(line);
  if (values.out) {
    writeFileSync(values.out, file.content);
    console.error(`Wrote ${exported.questionCount} questions to ${values.out}.`);
  } else if (typeof file.content === 'string') {
    process.stdout.write(file.content);
  } else {
    fail(`${values.format} writes a binary file (${file.name}): give --out FILE.`);
  }
}

/** The ids of this checkout's questions, which imported drafts must not take; none outside a checkout. */
function builtInIds(): Set<string> {
  if (!existsSync('questions/banks')) return new Set();
  const { content } = loadContent(readContentFiles(process.cwd()));
  return new Set(content.questions.map((question) => question.id));
}

function importQuestions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) fail(`import takes one file.\n\n${USAGE}`);
  if (!existsSync(file)) fail(`No file ${file}.`);
  const topicsPath = 'questions/topics.yaml';
  const topicsFile = {
    path: topicsPath,
    text: existsSync(topicsPath) ? readFileSync(topicsPath, 'utf8') : '',
  };
  // Tags that name our topics become topics; outside a checkout of this project, none do.
  const topics = loadTopics(topicsFile, []).map((topic) => topic.id);
  const imported = importFile(file, readFileSync(file), values.format, topics, builtInIds());
  if (!imported.ok) fail(`${imported.message}\n\n${USAGE}`);
  const report = importReport(file, imported.format, imported.result);
  for (const line of report.details) console.error(line);
  console.log(report.summary);
  if (values.out) {
    const bank = importedBankYaml(file, imported.format, imported.result, values.out);
    writeFileSync(values.out, bank.text);
    for (const line of bank.lines) console.log(line);
  }
  if (imported.result.problems.length > 0) process.exit(1);
}

const COMMANDS = new Map([
  ['check', check],
  ['coverage', coverage],
  ['confirm', confirm],
  ['export', exportContent],
  ['import', importQuestions],
]);
const [command, ...rest] = process.argv.slice(2);
const run = command === undefined ? undefined : COMMANDS.get(command);
if (run) run(rest);
else fail(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
