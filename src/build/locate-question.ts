import type { Content } from '../domain/content';
import type { TextFile } from './load-content';
import { parseYamlFile, type LocatedYaml, type YamlPath } from './parse-yaml-file';
import type { Problem } from './problem';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Locates problems found after loading (when only question ids are left) in the bank files they
 * came from, so they read like the checker's own: `file:line:column  message`.
 */
export function questionLocator(content: Content, banks: readonly TextFile[]) {
  const parsed = new Map<string, { data: unknown; located: LocatedYaml } | undefined>();
  const parse = (file: TextFile) => {
    if (!parsed.has(file.path)) {
      const result = parseYamlFile(file.path, file.text);
      parsed.set(file.path, result.ok ? result.value : undefined);
    }
    return parsed.get(file.path);
  };
  /** Points at `path` inside the question, or at the top of its bank file if it cannot be found. */
  return (questionId: string, path: YamlPath, message: string): Problem => {
    const bankPath = content.banks.find((bank) => bank.questionIds.includes(questionId))?.file ?? '';
    const file = banks.find((bank) => bank.path === bankPath);
    const yaml = file && parse(file);
    const questions: unknown[] =
      yaml && isRecord(yaml.data) && Array.isArray(yaml.data.questions) ? yaml.data.questions : [];
    const index = questions.findIndex((question) => isRecord(question) && question.id === questionId);
    if (!yaml || index < 0) return { file: bankPath, line: 1, column: 1, message };
    return yaml.located.problemAt(['questions', index, ...path], message);
  };
}
