import type { Question } from '../domain/question';

/** A count per key, keys in a fixed order. */
export type Count<K> = { key: K; count: number }[];

/** What the authoring rules of docs/authoring.md ("Item writing") ask an author to watch, in numbers. */
export type ItemShares = {
  /** Multiple-response questions by "right of choices" ("2 of 5"), so that the count of right ones varies. */
  multipleRight: Count<string>;
  /** Single-choice questions by number of choices (four unless the matter has fewer). */
  singleChoices: Count<number>;
  /** True-false questions whose statement is true, and false. */
  trueFalse: { true: number; false: number };
  /** Questions whose answer is a date or an amount: numeric, year, chronological order, or choices and pairs that are numbers. */
  datesOrAmounts: { count: number; of: number };
  /** How many facts are asked by one question, by two, by three… */
  questionsPerFact: Count<number>;
  /** Facts asked by more than two questions, with those questions: the repetition to cut. */
  factsAskedMoreThanTwice: { fact: string; questionIds: string[] }[];
};

function countBy<K>(keys: readonly K[], compare: (a: K, b: K) => number): Count<K> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compare(a, b)).map(([key, count]) => ({ key, count }));
}

const hasNumber = (text: string) => /\d/.test(text);

function asksDateOrAmount(question: Question): boolean {
  switch (question.type) {
    case 'numeric':
    case 'year':
    case 'ordering':
      return true;
    case 'single':
      return hasNumber(question.choices.find((choice) => choice.id === question.answer)?.text ?? '');
    case 'multiple':
      return question.choices
        .filter((choice) => question.answer.includes(choice.id))
        .every((c) => hasNumber(c.text));
    case 'matching':
      return (
        question.left.every((item) => hasNumber(item.text)) ||
        question.choices.every((c) => hasNumber(c.text))
      );
    case 'true-false':
    case 'short-text':
      return false;
  }
}

/** The shares an author looks at to keep a bank varied: right-answer counts, choices, facts asked often. */
export function itemShares(questions: readonly Question[]): ItemShares {
  const byFact = new Map<string, string[]>();
  for (const question of questions) {
    for (const fact of new Set(question.facts ?? []))
      byFact.set(fact, [...(byFact.get(fact) ?? []), question.id]);
  }
  const multiples = questions.flatMap((q) => (q.type === 'multiple' ? [q] : []));
  const singles = questions.flatMap((q) => (q.type === 'single' ? [q] : []));
  const trueFalse = questions.flatMap((q) => (q.type === 'true-false' ? [q.answer] : []));
  return {
    multipleRight: countBy(
      multiples.map((q) => `${q.answer.length} of ${q.choices.length}`),
      (a, b) => a.localeCompare(b, 'en', { numeric: true }),
    ),
    singleChoices: countBy(
      singles.map((q) => q.choices.length),
      (a, b) => a - b,
    ),
    trueFalse: {
      true: trueFalse.filter(Boolean).length,
      false: trueFalse.filter((answer) => !answer).length,
    },
    datesOrAmounts: { count: questions.filter(asksDateOrAmount).length, of: questions.length },
    questionsPerFact: countBy(
      [...byFact.values()].map((ids) => ids.length),
      (a, b) => a - b,
    ),
    factsAskedMoreThanTwice: [...byFact]
      .filter(([, ids]) => ids.length > 2)
      .map(([fact, questionIds]) => ({ fact, questionIds })),
  };
}
