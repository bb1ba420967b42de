import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentFiles, TextFile } from './load-content';

function readAll(root: string, dir: string, extension: string): TextFile[] {
  const folder = join(root, dir);
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => ({
      path: relative(root, join(folder, name)),
      text: readFileSync(join(folder, name), 'utf8'),
    }));
}

/** Reads `questions/` under the project root (Node only: the CLI and the build use it). */
export function readContentFiles(root: string, bankPaths?: readonly string[]): ContentFiles {
  const banks = bankPaths
    ? bankPaths.map((path) => ({ path: relative(root, path) || path, text: readFileSync(path, 'utf8') }))
    : readAll(root, 'questions/banks', '.yaml');
  const topicsPath = 'questions/topics.yaml';
  return {
    topics: { path: topicsPath, text: readFileSync(join(root, topicsPath), 'utf8') },
    sources: readAll(root, 'questions/sources', '.yaml'),
    documents: readAll(root, 'questions/sources', '.txt'),
    banks,
  };
}
