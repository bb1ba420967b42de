import type { Question } from '../domain/question';

/**
 * Each question's `related` made complete: every other question it must never meet in a quiz, in
 * pool order, whether it declared the other, the other declared it, or the two share a fact. The
 * bank format asks authors for the declarations only; the app and the JSON export get the whole list.
 */
export function completeRelated(questions: readonly Question[]): Question[] {
  const ids = new Set(questions.map((question) => question.id));
  const byFact = new Map<string, string[]>();
  const linked = new Map<string, Set<string>>(questions.map((question) => [question.id, new Set()]));
  const link = (a: string, b: string) => {
    if (a === b || !ids.has(a) || !ids.has(b)) return;
    linked.get(a)?.add(b);
    linked.get(b)?.add(a);
  };
  for (const question of questions) {
    for (const fact of question.facts ?? []) byFact.set(fact, [...(byFact.get(fact) ?? []), question.id]);
    for (const other of question.related ?? []) link(question.id, other);
  }
  for (const sharing of byFact.values()) {
    for (const a of sharing) for (const b of sharing) link(a, b);
  }
  const order = new Map(questions.map((question, index) => [question.id, index]));
  return questions.map((question) => {
    const related = [...(linked.get(question.id) ?? [])].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
    return { ...question, related };
  });
}
