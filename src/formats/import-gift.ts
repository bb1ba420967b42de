import type { Difficulty, Topic } from '../domain/question';
import { parse, type GIFTQuestion } from 'gift-pegjs';
import { createIdGiver } from './draft-id';
import {
  DEFAULT_DIFFICULTY,
  IMPORTED_BANK,
  makeDraft,
  type DraftQuestion,
  type ImportResult,
} from './format-types';
import { splitGiftBlocks } from './gift-blocks';
import { acceptMoodleGift } from './gift-moodle-syntax';
import { bodyOf, readsAsHtml, textOf, type GiftContext } from './gift-question-body';

/**
 * gift-pegjs marks escapes with placeholders such as `&&035;` and turns them back afterwards, so a
 * file that contains such text itself would be misread. Every `&` is swapped for a private-use
 * character the file does not contain while parsing, and swapped back in the results.
 */
function pickSentinel(text: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code += 1) {
    const char = String.fromCharCode(code);
    if (!text.includes(char)) return char;
  }
  return '\u0000';
}

// Tags that name a topic the app lists become topics; without that list, any tag shaped like a topic id.
function topicsOf(tags: readonly string[] | null | undefined, known: readonly Topic[] | undefined): Topic[] {
  const isTopic = (tag: string) =>
    known ? known.includes(tag) : /^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag) && !tag.startsWith('difficulty-');
  return [...new Set(tags?.filter(isTopic))];
}

function difficultyOf(tags: readonly string[] | null | undefined): Difficulty {
  const tag = tags?.find((candidate) => /^difficulty-[123]$/.test(candidate));
  const level = Number(tag?.slice('difficulty-'.length));
  return level === 1 || level === 2 || level === 3 ? level : DEFAULT_DIFFICULTY;
}

/**
 * Reads a GIFT file with gift-pegjs, one question at a time. Multiple choice is single when one
 * answer is marked `=` and multiple when right answers carry positive weights (Moodle's rule);
 * numbers become numeric (or year, see isYearQuestion); matching whose answers are "1st", "2nd", …
 * becomes ordering. Essays are listed as problems, descriptions as notes; a category names the bank.
 */
export function importGift(
  text: string,
  knownTopics?: readonly Topic[],
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const sentinel = pickSentinel(text);
  const context: GiftContext = {
    restore: (value) => value.split(sentinel).join('&'),
    problems: [],
    notes: [],
  };
  const drafts: DraftQuestion[] = [];
  const draftLines: number[] = [];
  const giveId = createIdGiver();
  let bankTitle: string | undefined;

  const blocks = splitGiftBlocks(text);
  for (const [index, block] of blocks.entries()) {
    onProgress?.(index, blocks.length);
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(acceptMoodleGift(block.text).split('&').join(sentinel));
    } catch (error) {
      const location = locationOf(error);
      context.problems.push({
        line: block.firstLine - 1 + (location?.line ?? 1),
        column: location?.column,
        message: plainSyntaxError(context.restore(error instanceof Error ? error.message : String(error))),
      });
      continue;
    }
    const at = { line: block.questionLine };
    for (const question of parsed) {
      if (question.type === 'Category') {
        const path = context.restore(question.title);
        if (bankTitle === undefined) bankTitle = categoryTitle(path);
        else
          context.notes.push({
            ...at,
            message: `another category ("${path}"): every draft goes into one bank`,
          });
        continue;
      }
      if (question.type === 'Description') {
        context.notes.push({
          ...at,
          message: 'a description (text without answers) is not a question: left out',
        });
        continue;
      }
      const prompt = textOf(question.stem, context);
      const body = bodyOf(question, prompt, at, context);
      if (!body) continue;
      if ('problem' in body) {
        context.problems.push({ ...at, message: `${describe(prompt)}: ${body.problem}` });
        continue;
      }
      if (!prompt) {
        context.problems.push({ ...at, message: 'a question without text' });
        continue;
      }
      if (readsAsHtml(question.stem, context))
        context.notes.push({ ...at, message: 'HTML was turned into plain text' });
      const general = textOf(question.globalFeedback, context);
      if (general && body.explanation && body.explanation !== general) {
        context.notes.push({
          ...at,
          message: `the right answer's feedback was left out for the general feedback: "${body.explanation}"`,
        });
      }
      const explanation = general || body.explanation || '';
      draftLines.push(at.line);
      drafts.push(
        makeDraft(body.draft, {
          id: giveId(context.restore(question.title ?? '') || question.id, prompt),
          bank: IMPORTED_BANK,
          prompt,
          topics: topicsOf(question.tags, knownTopics),
          difficulty: difficultyOf(question.tags),
          explanation,
          citations: [],
        }),
      );
    }
  }
  onProgress?.(blocks.length, blocks.length);
  return { drafts, problems: context.problems, notes: context.notes, bankTitle, draftLines };
}

/** The last name in a Moodle category path; `//` is a slash inside a name. */
function categoryTitle(path: string): string | undefined {
  const names = path.split(/(?<!\/)\/(?!\/)/).map((name) => name.replace(/\/\//g, '/').trim());
  return names.filter((name) => name && !name.startsWith('$') && name !== 'top').pop();
}

function describe(prompt: string): string {
  const short = prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt;
  return `"${short.replace(/\s+/g, ' ')}"`;
}

function locationOf(error: unknown): { line: number; column: number } | undefined {
  if (typeof error !== 'object' || error === null || !('location' in error)) return undefined;
  const { location } = error;
  if (typeof location !== 'object' || location === null || !('start' in location)) return undefined;
  const { start } = location;
  if (typeof start !== 'object' || start === null || !('line' in start) || !('column' in start))
    return undefined;
  return typeof start.line === 'number' && typeof start.column === 'number'
    ? { line: start.line, column: start.column }
    : undefined;
}

/**
 * The parser's own message ("Expected "}", Single short answer { ... }, … but "#" found.") in plain
 * words, with what to do: the list of everything the grammar could take is only noise to a teacher.
 */
export function plainSyntaxError(message: string): string {
  const match = /^Expected (.*) but (.*) found\.$/s.exec(message);
  const found = match?.[2] === 'end of input' ? 'the end of the question' : match?.[2];
  const expected = match?.[1]?.includes(',')
    ? 'answers in braces such as {=right ~wrong}, {T} or {#1973}'
    : match?.[1];
  const what = match ? `expected ${expected ?? ''} but found ${found ?? ''}` : message;
  return (
    `this question is not valid GIFT (${what}). Check that its answers are in one pair of braces { }, ` +
    'and write \\{ \\} \\= \\~ \\# \\: for those characters in its text; the other questions were read'
  );
}
