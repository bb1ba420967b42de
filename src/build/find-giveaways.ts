import { answerTells, shownTexts, contentWords, type Clue, type ShownText, type Tell } from './answer-clues';
import type { AuthoredQuestion } from './bank-schema';
import { clueWords, numberKeys } from './clue-text';
import type { LocatedYaml, YamlPath } from './parse-yaml-file';
import { formatProblem, type Problem } from './problem';

/** A checked question with where it was written and the quotes it cites. */
export type LocatedQuestion = {
  question: AuthoredQuestion;
  quotes: readonly string[];
  located: LocatedYaml;
  /** The question's path in its file, e.g. ['questions', 3]. */
  at: YamlPath;
};

/** `giver` shows, in `field`, a clue to the answer of `asker`. */
export type Giveaway = { asker: LocatedQuestion; giver: LocatedQuestion; clue: Clue; field: ShownText };

type Shown = { field: ShownText; text: string; words: ReadonlySet<string>; numbers: ReadonlySet<string> };
type Prepared = {
  entry: LocatedQuestion;
  tells: Tell[];
  shown: Shown[];
  /** Everything shown at once, for a quick first look before statement by statement. */
  all: Shown;
  facts: ReadonlySet<string>;
};

function toShown(field: ShownText): Shown {
  return {
    field,
    text: ` ${clueWords(field.text).join(' ')} `,
    words: new Set(contentWords(field.text)),
    numbers: numberKeys(field.text),
  };
}

function prepare(entry: LocatedQuestion): Prepared {
  const fields = shownTexts(entry.question);
  const all = toShown({ path: [], text: fields.map((field) => field.text).join(' | ') });
  const facts = new Set(entry.question.facts);
  return { entry, tells: answerTells(entry.question, entry.quotes), shown: fields.map(toShown), all, facts };
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((item) => b.has(item));
const sharedCount = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  [...a].filter((item) => b.has(item)).length;

/** Questions that never meet in a quiz: they share a fact, or one names the other as related. */
function mayMeet(a: Prepared, b: Prepared): boolean {
  const [x, y] = [a.entry.question, b.entry.question];
  if ((x.related ?? []).includes(y.id) || (y.related ?? []).includes(x.id)) return false;
  return !overlaps(a.facts, b.facts);
}

function isShownIn(clue: Clue, shown: Shown): boolean {
  if (clue.phrase.length > 0) return shown.text.includes(` ${clue.phrase.join(' ')} `);
  return overlaps(clue.numbers, shown.numbers);
}

function giveawayOf(asker: Prepared, giver: Prepared): Giveaway | undefined {
  for (const tell of asker.tells) {
    if (!tell.clues.some((clue) => isShownIn(clue, giver.all))) continue;
    const { words, numbers } = tell.subject;
    const needed = Math.min(2, words.size + numbers.size);
    for (const shown of giver.shown) {
      if (sharedCount(words, shown.words) + sharedCount(numbers, shown.numbers) < needed) continue;
      const clue = tell.clues.find((candidate) => isShownIn(candidate, shown));
      if (clue) return { asker: asker.entry, giver: giver.entry, clue, field: shown.field };
    }
  }
  return undefined;
}

/**
 * Every pair of questions that may meet in a quiz where one shows a clue to the other's answer
 * (a number, a year, a name or a short phrase, folded): its prompt, a choice, its answer or its
 * explanation. The rules and their reasons are in docs/authoring.md.
 */
export function findGiveaways(entries: readonly LocatedQuestion[]): Giveaway[] {
  const prepared = entries.map(prepare);
  // Which questions show each word and number at all, so that each question is compared only with
  // those that could give it away: a few hundred pairs to look at closely instead of every pair.
  const showing = new Map<string, Prepared[]>();
  for (const giver of prepared) {
    const atoms = new Set([...giver.all.text.trim().split(' '), ...giver.all.numbers]);
    for (const atom of atoms) showing.set(atom, [...(showing.get(atom) ?? []), giver]);
  }
  const found: Giveaway[] = [];
  for (const asker of prepared) {
    const candidates = new Set<Prepared>();
    for (const clue of asker.tells.flatMap((tell) => tell.clues)) {
      // A phrase can only be shown where its longest word is.
      const atoms =
        clue.phrase.length > 0
          ? [[...clue.phrase].sort((x, y) => y.length - x.length)[0] ?? '']
          : [...clue.numbers];
      for (const atom of atoms) for (const giver of showing.get(atom) ?? []) candidates.add(giver);
    }
    for (const giver of prepared) {
      if (!candidates.has(giver) || asker === giver || !mayMeet(asker, giver)) continue;
      const giveaway = giveawayOf(asker, giver);
      if (giveaway) found.push(giveaway);
    }
  }
  return found;
}

function fieldName(path: YamlPath): string {
  const [first, second, third] = path;
  if (first === 'choices') return `choice ${Number(second) + 1}`;
  if (first === 'answer' && typeof second === 'number')
    return third ? `pair ${second + 1} (${String(third)})` : `item ${second + 1}`;
  return String(first);
}

function where(problem: Problem): string {
  return formatProblem(problem).split('  ')[0] ?? '';
}

/** Each giveaway as two problems, one at each question, each naming the other's place. */
export function giveawayProblems(giveaways: readonly Giveaway[]): Problem[] {
  return giveaways.flatMap(({ asker, giver, clue, field }) => {
    const askerAt = asker.located.problemAt([...asker.at, 'answer'], '');
    const giverAt = giver.located.problemAt([...giver.at, ...field.path], '');
    const fix = 'reword one of them, or declare them related (or give both the fact they share)';
    const a = asker.question.id;
    const g = giver.question.id;
    return [
      {
        ...askerAt,
        message: `${a}: its answer ("${clue.text}") is given away by ${g}, in its ${fieldName(field.path)} at ${where(giverAt)}; ${fix}`,
      },
      {
        ...giverAt,
        message: `${g}: its ${fieldName(field.path)} gives away the answer of ${a} ("${clue.text}") at ${where(askerAt)}; ${fix}`,
      },
    ];
  });
}
