import type { Source } from '../domain/source';
import type { AuthoredQuestion } from './bank-schema';
import { statesNumber } from '../content/find-numbers';
import { comparableText, foldWhitespace } from '../domain/fold-text';
import type { LocatedYaml, YamlPath } from './parse-yaml-file';
import type { Problem } from './problem';

const CATCH_ALL_CHOICE = /\b(all|none) of the (above|these|others)\b/i;

function sameTextTwice(texts: readonly string[]): string | undefined {
  const seen = new Set<string>();
  return texts.find((text) => {
    const key = comparableText(text);
    return seen.has(key) || !seen.add(key);
  });
}

/** The rules one question must pass, beyond its schema. `at` is the question's path in its file. */
export function checkQuestion(
  question: AuthoredQuestion,
  at: YamlPath,
  located: LocatedYaml,
  sources: ReadonlyMap<string, Source>,
  topicIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const report = (path: YamlPath, message: string) =>
    problems.push(located.problemAt([...at, ...path], `${question.id}: ${message}`));

  question.topics.forEach((topic, index) => {
    if (!topicIds.has(topic))
      report(['topics', index], `unknown topic "${topic}" (see questions/topics.yaml)`);
  });

  const quotes: string[] = [];
  question.citations.forEach((citation, index) => {
    const source = sources.get(citation.source);
    const passage = source?.passages.find((p) => p.id === citation.passage);
    if (!source) {
      report(['citations', index, 'source'], `unknown source "${citation.source}"`);
    } else if (!passage) {
      report(['citations', index, 'passage'], `no passage "${citation.passage}" in source "${source.id}"`);
    } else if (!foldWhitespace(passage.text).includes(foldWhitespace(citation.quote))) {
      report(['citations', index, 'quote'], `quote not found word for word in ${source.id}/${passage.id}`);
    } else {
      quotes.push(citation.quote);
    }
  });

  if (question.type === 'numeric' || question.type === 'year') {
    const value = question.type === 'year' ? question.answer : question.answer.value;
    const path = question.type === 'year' ? ['answer'] : ['answer', 'value'];
    if (quotes.length > 0 && !quotes.some((quote) => statesNumber(quote, value))) {
      report(path, `the answer ${value} is not stated in any cited quote`);
    }
  }

  if (question.type === 'single' || question.type === 'multiple') {
    const repeated = sameTextTwice(question.choices);
    if (repeated) report(['choices'], `choice "${repeated}" is given twice`);
    question.choices.forEach((choice, index) => {
      if (CATCH_ALL_CHOICE.test(choice)) {
        report(
          ['choices', index],
          `"${choice}": catch-all choices are not allowed; write a real alternative`,
        );
      }
    });
    const answers = question.type === 'single' ? [question.answer] : question.answer;
    answers.forEach((answer, index) => {
      if (!question.choices.includes(answer)) {
        report(
          question.type === 'single' ? ['answer'] : ['answer', index],
          `answer "${answer}" is not among the choices`,
        );
      }
    });
    if (question.type === 'multiple' && sameTextTwice(question.answer)) {
      report(['answer'], 'an answer is given twice');
    }
  }
  if (question.type === 'ordering') {
    const repeated = sameTextTwice(question.answer);
    if (repeated) report(['answer'], `event "${repeated}" is given twice`);
  }
  if (question.type === 'matching') {
    const left = sameTextTwice(question.answer.map((pair) => pair.left));
    const right = sameTextTwice(question.answer.map((pair) => pair.right));
    if (left) report(['answer'], `"${left}" is on the left twice`);
    if (right) report(['answer'], `"${right}" is on the right twice`);
  }
  return problems;
}
