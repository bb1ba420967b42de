import type { LocatedQuestion } from './find-giveaways';
import type { Problem } from './problem';

/** `related` names questions that exist, other than the question itself, each once; a fact is listed once. */
export function checkRelations(entries: readonly LocatedQuestion[]): Problem[] {
  const ids = new Set(entries.map((entry) => entry.question.id));
  return entries.flatMap(({ question, located, at }) => {
    const problems: Problem[] = [];
    const report = (path: readonly PropertyKey[], message: string) =>
      problems.push(located.problemAt([...at, ...path], `${question.id}: ${message}`));
    const seen = new Set<string>();
    (question.related ?? []).forEach((id, index) => {
      if (id === question.id) report(['related', index], 'a question cannot be related to itself');
      else if (!ids.has(id)) report(['related', index], `related names "${id}", which is no question`);
      else if (seen.has(id)) report(['related', index], `"${id}" is listed twice in related`);
      seen.add(id);
    });
    const facts = new Set<string>();
    question.facts.forEach((fact, index) => {
      if (facts.has(fact)) report(['facts', index], `fact "${fact}" is listed twice`);
      facts.add(fact);
    });
    return problems;
  });
}
