import type { Bank, Content, TopicInfo } from '../domain/content';
import type { Question } from '../domain/question';
import type { Source } from '../domain/source';
import { authoredQuestionSchema, bankHeaderSchema } from './bank-schema';
import { checkQuestion } from './check-question';
import { checkRelations } from './check-relations';
import { checkTypedAnswers } from './check-typed-answers';
import { checkSource } from './check-source';
import { comparableText } from '../domain/fold-text';
import { normalizeQuestion } from './normalize-question';
import { parseYamlFile, validateAt, type LocatedYaml } from './parse-yaml-file';
import { compareProblems, type Problem } from './problem';
import { topicsFileSchema } from './topics-file-schema';
import { sourceFileSchema, toSource } from './source-file-schema';
import { findGiveaways, giveawayProblems, type LocatedQuestion } from './find-giveaways';
import { completeRelated } from './related-questions';

export type TextFile = { path: string; text: string };
export type ContentFiles = {
  topics: TextFile;
  sources: TextFile[];
  documents: TextFile[];
  banks: TextFile[];
};

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

type Keyed = { key: string; value: string; located: LocatedYaml; path: readonly PropertyKey[] };

/** First-come-first-kept: reports every later value whose key was already seen. */
function reportRepeats(
  entries: readonly Keyed[],
  message: (value: string, first: string) => string,
): Problem[] {
  const first = new Map<string, string>();
  return entries.flatMap(({ key, value, located, path }) => {
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, value);
      return [];
    }
    return [located.problemAt(path, message(value, earlier))];
  });
}

/** The topics file, checked; its problems are added to `problems`. */
export function loadTopics(file: TextFile, problems: Problem[]): TopicInfo[] {
  const parsed = parseYamlFile(file.path, file.text);
  const valid = parsed.ok
    ? validateAt(parsed.value.located, [], parsed.value.data, topicsFileSchema)
    : parsed;
  if (!parsed.ok || !valid.ok) {
    problems.push(...(valid.ok ? [] : valid.problems));
    return [];
  }
  const { located } = parsed.value;
  problems.push(
    ...reportRepeats(
      valid.value.map((topic, index) => ({ key: topic.id, value: topic.id, located, path: [index, 'id'] })),
      (id) => `the topic "${id}" is listed twice`,
    ),
  );
  return valid.value;
}

/** Parses and checks every source and bank; the content is usable only when `problems` is empty. */
export function loadContent(files: ContentFiles): { content: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  const topics = loadTopics(files.topics, problems);
  const topicIds = new Set(topics.map((topic) => topic.id));
  const sources = new Map<string, Source>();
  const documents = new Map(files.documents.map((doc) => [baseName(doc.path), doc]));
  const sourceIds: Keyed[] = [];

  for (const file of files.sources) {
    const parsed = parseYamlFile(file.path, file.text);
    const valid = parsed.ok
      ? validateAt(parsed.value.located, [], parsed.value.data, sourceFileSchema)
      : parsed;
    if (!parsed.ok || !valid.ok) {
      problems.push(...(valid.ok ? [] : valid.problems));
      continue;
    }
    const { located } = parsed.value;
    const source = valid.value;
    problems.push(...checkSource(source, located, documents.get(source.file)));
    sourceIds.push({ key: source.id, value: file.path, located, path: ['id'] });
    if (!sources.has(source.id)) sources.set(source.id, toSource(source));
  }
  problems.push(...reportRepeats(sourceIds, (_, first) => `this source id is already used in ${first}`));

  const banks: Bank[] = [];
  const questions: Question[] = [];
  const bankIds: Keyed[] = [];
  const questionIds: Keyed[] = [];
  const prompts: Keyed[] = [];
  const entries: LocatedQuestion[] = [];

  for (const file of files.banks) {
    const parsed = parseYamlFile(file.path, file.text);
    const valid = parsed.ok
      ? validateAt(parsed.value.located, [], parsed.value.data, bankHeaderSchema)
      : parsed;
    if (!parsed.ok || !valid.ok) {
      problems.push(...(valid.ok ? [] : valid.problems));
      continue;
    }
    const { located } = parsed.value;
    const bank = valid.value;
    bankIds.push({ key: bank.id, value: file.path, located, path: ['id'] });
    const bankQuestionIds: string[] = [];
    bank.questions.forEach((data, index) => {
      const at = ['questions', index];
      const checked = validateAt(located, at, data, authoredQuestionSchema);
      if (!checked.ok) {
        problems.push(...checked.problems);
        return;
      }
      const question = checked.value;
      bankQuestionIds.push(question.id);
      problems.push(...checkQuestion(question, at, located, sources, topicIds));
      problems.push(...checkTypedAnswers(question, at, located, sources));
      entries.push({ question, at, located, quotes: question.citations.map((citation) => citation.quote) });
      questionIds.push({ key: question.id, value: `${file.path}`, located, path: [...at, 'id'] });
      prompts.push({
        key: comparableText(question.prompt),
        value: question.id,
        located,
        path: [...at, 'prompt'],
      });
      questions.push(normalizeQuestion(question, bank.id));
    });
    banks.push({
      id: bank.id,
      title: bank.title,
      description: bank.description,
      file: file.path,
      questionIds: bankQuestionIds,
    });
  }
  problems.push(
    ...checkRelations(entries),
    ...giveawayProblems(findGiveaways(entries)),
    ...reportRepeats(bankIds, (_, first) => `this bank id is already used in ${first}`),
    ...reportRepeats(questionIds, (_, first) => `this question id is already used in ${first}`),
    ...reportRepeats(prompts, (id, first) => `${id}: the same prompt as question "${first}"`),
  );
  return {
    content: { topics, sources: [...sources.values()], banks, questions: completeRelated(questions) },
    problems: problems.sort(compareProblems),
  };
}
