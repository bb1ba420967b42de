import type { AuthoredQuestion } from './bank-schema';
import { clueWords, isNumberWord, numberKeys, valueKeys } from './clue-text';
import { numbersAsWritten } from '../content/find-numbers';
import type { YamlPath } from './parse-yaml-file';

/** Something that, written in another question, would give this question's answer away. */
export type Clue = { text: string; numbers: ReadonlySet<string>; phrase: readonly string[] };

/**
 * One way a question can be given away: another question shows one of `clues` and, in the same
 * statement, two of its `subject` words or numbers (one when the subject has only one), so that
 * "Antwerp" in "Port of Antwerp" does not give away the city of the Institute of Tropical Medicine,
 * but "the Institute of Tropical Medicine is also in Antwerp" does.
 */
export type Tell = { clues: Clue[]; subject: { words: ReadonlySet<string>; numbers: ReadonlySet<string> } };

/** A text a learner sees with a question (before answering, or in its feedback), and where it is written. */
export type ShownText = { path: YamlPath; text: string };

// Words that say nothing about which fact is meant: every question of these banks is full of them.
const STOP_WORDS = new Set(
  (
    'and or of in on at to for from by with as is are was were be been has have had it its this that these ' +
    'those which what when where who whom how why whose did does do not no than then so such into over ' +
    'about after before between during since until per each all any both other another more most some ' +
    'true false select apply give name write answer enter number according says say said named named ' +
    'among under also only still through via within without against towards toward while like there ' +
    'their they them would could should others own run use used way set put got get far much many ' +
    'very can may might must will shall yet just even'
  ).split(' '),
);
const GENERIC_WORDS = new Set(
  (
    'belgium belgian belgians vietnam vietnamese viet nam eu european europe source document page ' +
    'relations cooperation development developing programme programmes program programs bilateral ' +
    'year years million billion eur euro usd question questions country countries government ' +
    'governments period decade decades first second new old main major roughly around approximately'
  ).split(' '),
);
const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

/** Content words: neither stop words, generic words, months, nor numbers ("four" included). */
export function contentWords(text: string): string[] {
  return clueWords(text).filter(
    (word) =>
      word.length > 2 &&
      !STOP_WORDS.has(word) &&
      !GENERIC_WORDS.has(word) &&
      !MONTHS.has(word) &&
      !isNumberWord(word),
  );
}

const MAX_PHRASE = 6;

/** The clues in one answer text: its numbers, and its words as a phrase when short and telling. */
export function cluesOfText(text: string): Clue[] {
  const clues: Clue[] = [];
  const numbers = numberKeys(text, { rangesWhole: true });
  if (numbers.size > 0) clues.push({ text, numbers, phrase: [] });
  const words = clueWords(text);
  while (words.length > 0 && STOP_WORDS.has(words[0] ?? '')) words.shift();
  while (words.length > 0 && STOP_WORDS.has(words.at(-1) ?? '')) words.pop();
  const isTelling = words.some((word) => contentWords(word).length > 0);
  if (words.length > 0 && words.length <= MAX_PHRASE && isTelling) {
    clues.push({ text, numbers: new Set(), phrase: words });
  }
  // Acronyms inside a longer answer ("… Strategy (CPRGS)") are clues of their own.
  for (const acronym of text.match(/\b[A-Z][A-Z-]*[A-Z]\b/g) ?? []) {
    const phrase = clueWords(acronym);
    if (acronym !== text.trim() && contentWords(acronym).length === phrase.length) {
      clues.push({ text: acronym, numbers: new Set(), phrase });
    }
  }
  return clues;
}

function subjectOf(...texts: string[]): Tell['subject'] {
  const joined = texts.join(' ');
  return { words: new Set(contentWords(joined)), numbers: numberKeys(joined, { rangesWhole: true }) };
}

function tellsOf(question: AuthoredQuestion, quotes: readonly string[]): Tell[] {
  const subject = subjectOf(question.prompt);
  // Types whose answer is no text (true or false, an order) are given away by the numbers they rest on.
  const numbersOfQuotes = (): Clue[] =>
    quotes.flatMap((quote) =>
      numbersAsWritten(quote).map((number) => ({ text: number, numbers: numberKeys(number), phrase: [] })),
    );
  switch (question.type) {
    case 'numeric':
      return [
        {
          clues: [
            {
              text: String(question.answer.value),
              numbers: valueKeys(question.answer.value, question.answer.unit),
              phrase: [],
            },
          ],
          subject,
        },
      ];
    case 'year':
      return [
        {
          clues: [{ text: String(question.answer), numbers: valueKeys(question.answer), phrase: [] }],
          subject,
        },
      ];
    case 'single':
      return [{ clues: cluesOfText(question.answer), subject }];
    case 'multiple':
      return question.answer.map((answer) => ({ clues: cluesOfText(answer), subject }));
    case 'short-text':
      return [{ clues: question.answer.flatMap(cluesOfText), subject }];
    case 'true-false':
      return [{ clues: numbersOfQuotes(), subject }];
    case 'ordering':
      // The order is no text to find elsewhere; the facts it rests on are declared in `facts`.
      return [];
    case 'matching':
      return question.answer.flatMap(({ left, right }) => [
        { clues: cluesOfText(right), subject: subjectOf(left) },
        { clues: cluesOfText(left), subject: subjectOf(right) },
      ]);
  }
}

/**
 * How another question could give this one away, leaving out clues its own prompt already shows
 * (a prompt that names "the € 60 million programme" is not given away by another that does).
 */
export function answerTells(question: AuthoredQuestion, quotes: readonly string[]): Tell[] {
  const promptNumbers = numberKeys(question.prompt);
  const promptWords = clueWords(question.prompt);
  const promptText = ` ${promptWords.join(' ')} `;
  return tellsOf(question, quotes)
    .map((tell) => ({
      ...tell,
      clues: tell.clues
        .map((clue) => ({
          ...clue,
          numbers: new Set([...clue.numbers].filter((n) => !promptNumbers.has(n))),
        }))
        .filter(
          (clue) =>
            clue.numbers.size > 0 ||
            (clue.phrase.length > 0 && !promptText.includes(` ${clue.phrase.join(' ')} `)),
        ),
    }))
    .filter((tell) => tell.clues.length > 0);
}

/**
 * What a learner reads with a question, as statements: the prompt, each choice or item, and what the
 * feedback reveals (the prompt with its right choice or typed answer, each matching pair, the
 * explanation). A clue counts only inside one statement, with the asking question's subject.
 */
export function shownTexts(question: AuthoredQuestion): ShownText[] {
  const { prompt } = question;
  const texts: ShownText[] = [{ path: ['prompt'], text: prompt }];
  const revealed = (path: YamlPath, answer: string) => texts.push({ path, text: `${prompt} ${answer}` });
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const right = question.type === 'single' ? [question.answer] : question.answer;
      question.choices.forEach((text, index) => {
        texts.push({ path: ['choices', index], text });
        if (right.includes(text)) revealed(['choices', index], text);
      });
      break;
    }
    case 'ordering':
      question.answer.forEach((text, index) => texts.push({ path: ['answer', index], text }));
      break;
    case 'matching':
      question.answer.forEach(({ left, right }, index) =>
        texts.push(
          { path: ['answer', index, 'left'], text: left },
          { path: ['answer', index, 'right'], text: right },
          { path: ['answer', index], text: `${left} ${right}` },
        ),
      );
      break;
    case 'short-text':
      question.answer.forEach((text, index) => revealed(['answer', index], text));
      break;
    case 'numeric':
      revealed(['answer', 'value'], `${question.answer.value} ${question.answer.unit}`);
      break;
    case 'year':
      revealed(['answer'], String(question.answer));
      break;
    case 'true-false':
      break;
  }
  texts.push({ path: ['explanation'], text: question.explanation });
  return texts;
}
