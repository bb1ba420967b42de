import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentAccessOf, type ContentAccess } from '@/content/content-access';
import type { Content } from '@/domain/content';
import type { Question } from '@/domain/question';
import { loadContent, type ContentFiles, type TextFile } from '@/build/load-content';
import { formatProblem } from '@/build/problem';

// import.meta.dirname rather than a URL: under jsdom, URL is jsdom's and Node's path helpers refuse it.
const folder = join(import.meta.dirname, 'content/');

function read(path: string): TextFile {
  return { path: `tests/kit/content/${path}`, text: readFileSync(`${folder}${path}`, 'utf8') };
}

function readAll(dir: string, extension: string): TextFile[] {
  return readdirSync(`${folder}${dir}`)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => read(`${dir}/${name}`));
}

/** The kit's files, in the layout of `questions/`: one short source and two banks of three questions. */
export function fixtureFiles(): ContentFiles {
  return {
    topics: read('topics.yaml'),
    sources: readAll('sources', '.yaml'),
    documents: readAll('sources', '.txt'),
    banks: readAll('banks', '.yaml'),
  };
}

let loaded: Content | undefined;

/**
 * The fixture content, read by the same loader and checker as the real banks (src/build), so a page
 * test never runs on content the app would refuse. Fails loudly, naming every problem, if a fixture
 * is edited into something invalid.
 */
export function fixtureContent(): Content {
  if (!loaded) {
    const { content, problems } = loadContent(fixtureFiles());
    if (problems.length > 0) {
      throw new Error(
        `the kit's fixture content does not pass the bank check:\n${problems.map(formatProblem).join('\n')}`,
      );
    }
    loaded = content;
  }
  return loaded;
}

/** Content access over the fixtures, or over the fixtures with `questions` added (as a third bank). */
export function fixtureAccess(extra: { bank?: string; questions?: readonly Question[] } = {}): ContentAccess {
  const content = fixtureContent();
  const questions = extra.questions ?? [];
  if (questions.length === 0) return contentAccessOf(content);
  const bank = extra.bank ?? 'extra';
  return contentAccessOf({
    ...content,
    banks: [
      ...content.banks,
      {
        id: bank,
        title: 'Extra questions',
        description: 'Made by the test.',
        file: 'none',
        questionIds: questions.map((q) => q.id),
      },
    ],
    questions: [...content.questions, ...questions],
  });
}

/** A fixture question by id; throws for an id the fixtures do not have, so a typo fails clearly. */
export function fixtureQuestion(id: string): Question {
  const question = fixtureContent().questions.find((q) => q.id === id);
  if (!question) throw new Error(`no fixture question "${id}"`);
  return question;
}
