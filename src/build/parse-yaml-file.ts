import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problem';

export type YamlPath = readonly PropertyKey[];

/** A parsed YAML file that can say where any value in it was written. */
export type LocatedYaml = {
  file: string;
  /** Points at the value at `path`, or at its key when `atKey` (for an unknown or misplaced field). */
  problemAt(path: YamlPath, message: string, atKey?: boolean): Problem;
};

function locator(file: string, doc: Document, lines: LineCounter): LocatedYaml {
  function offsetOf(path: YamlPath, atKey: boolean): number {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const [index, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
        );
        if (!pair) break;
        const keyStart = isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
        if (atKey && index === path.length - 1) return keyStart;
        node = pair.value;
        offset = keyStart;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        break;
      }
      if (isNode(node) && node.range) offset = node.range[0];
    }
    return offset;
  }
  return {
    file,
    problemAt(path, message, atKey = false) {
      const { line, col } = lines.linePos(offsetOf(path, atKey));
      return { file, line, column: col, message };
    },
  };
}

function describePath(path: YamlPath): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`,
    )
    .join('');
}

type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Parses YAML text; every syntax problem carries its file, line and column. */
export function parseYamlFile(file: string, text: string): Result<{ data: unknown; located: LocatedYaml }> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length === 0)
    return { ok: true, value: { data: doc.toJS(), located: locator(file, doc, lines) } };
  return {
    ok: false,
    problems: syntax.map((error) => ({
      file,
      line: error.linePos?.[0].line ?? 1,
      column: error.linePos?.[0].col ?? 1,
      message: `YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    })),
  };
}

/** Validates the value found at `at` in a parsed file, locating each schema problem. */
export function validateAt<T>(
  located: LocatedYaml,
  at: YamlPath,
  data: unknown,
  schema: z.ZodType<T>,
): Result<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const path = [...at, ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) =>
          located.problemAt([...path, key], `${describePath([...path, key])}: unknown field`, true),
        );
      }
      const where = describePath(path);
      return [located.problemAt(path, where ? `${where}: ${issue.message}` : issue.message)];
    }),
  };
}
