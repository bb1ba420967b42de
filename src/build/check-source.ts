import { foldWhitespace } from '../domain/fold-text';
import type { LocatedYaml } from './parse-yaml-file';
import type { Problem } from './problem';
import type { SourceFile } from './source-file-schema';

function duplicatesIn(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  return new Set(ids.filter((id) => seen.has(id) || !seen.add(id)));
}

/**
 * Section and passage ids are unique, every passage is word for word in the document, and every
 * line of the document is shown somewhere (or declared as page furniture), so nothing is lost.
 */
export function checkSource(
  source: SourceFile,
  located: LocatedYaml,
  document: { path: string; text: string } | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const sectionDuplicates = duplicatesIn(source.sections.map((section) => section.id));
  const passageDuplicates = duplicatesIn(source.sections.flatMap((s) => s.passages.map((p) => p.id)));
  source.sections.forEach((section, s) => {
    if (sectionDuplicates.has(section.id)) {
      problems.push(located.problemAt(['sections', s, 'id'], `section id "${section.id}" is used twice`));
    }
    section.passages.forEach((passage, p) => {
      if (passageDuplicates.has(passage.id)) {
        problems.push(
          located.problemAt(['sections', s, 'passages', p, 'id'], `passage id "${passage.id}" is used twice`),
        );
      }
    });
  });
  if (!document) {
    problems.push(located.problemAt(['file'], `the document "${source.file}" is missing beside this file`));
    return problems;
  }
  const documentText = foldWhitespace(document.text);
  source.sections.forEach((section, s) =>
    section.passages.forEach((passage, p) => {
      if (!documentText.includes(foldWhitespace(passage.text))) {
        problems.push(
          located.problemAt(
            ['sections', s, 'passages', p, 'text'],
            `passage "${passage.id}" is not word for word in ${source.file}`,
          ),
        );
      }
    }),
  );
  const shown = new Set(
    [
      source.title,
      ...source.omitted,
      ...source.sections.flatMap((section) => [section.title, ...section.passages.map((p) => p.text)]),
    ].map(foldWhitespace),
  );
  document.text.split('\n').forEach((line, index) => {
    const text = foldWhitespace(line).replace(/^• /, '');
    if (text && !shown.has(text)) {
      problems.push({
        file: document.path,
        line: index + 1,
        column: 1,
        message: `this line is in no passage, title or "omitted" entry of ${located.file}`,
      });
    }
  });
  return problems;
}
