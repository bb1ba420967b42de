import { join } from 'node:path';
import type { Plugin } from 'vite';
import { toCatalog } from '../content/catalog';
import { facetsOf } from '../content/content-access';
import { countCitations } from '../content/count-citations';
import type { Content } from '../domain/content';
import { loadContent } from './load-content';
import { formatProblem } from './problem';
import { readContentFiles } from './read-content-files';

const PREFIX = 'virtual:content/';
const BANK_PREFIX = `${PREFIX}bank/`;
const RESOLVED = '\0';

const json = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The code of each virtual module; a bank's questions are a module of their own, loaded on demand. */
function moduleCode(name: string, content: Content): string | undefined {
  switch (name) {
    case `${PREFIX}catalog`:
      return json(toCatalog(content));
    case `${PREFIX}sources`:
      return json({ sources: content.sources, citationCounts: countCitations(content.questions) });
    case `${PREFIX}question-index`:
      return json(facetsOf(content.questions));
    case `${PREFIX}bank-loaders`:
      return `export default {\n${content.banks
        .map(
          (bank) => `  ${JSON.stringify(bank.id)}: () => import(${JSON.stringify(BANK_PREFIX + bank.id)}),`,
        )
        .join('\n')}\n};`;
  }
  if (name.startsWith(BANK_PREFIX)) {
    const id = name.slice(BANK_PREFIX.length);
    return json(content.questions.filter((question) => question.bank === id));
  }
  return undefined;
}

/**
 * Serves the checked banks and sources to the app as virtual modules. The build and the dev server
 * run the same checks as `npm run bank -- check` and stop with the same messages.
 */
export function contentPlugin(root: string): Plugin {
  let content: Content | undefined;
  const load = () => {
    const { content: loaded, problems } = loadContent(readContentFiles(root));
    if (problems.length > 0) {
      throw new Error(`The question banks have problems:\n${problems.map(formatProblem).join('\n')}`);
    }
    return loaded;
  };
  return {
    name: 'source-quiz-content',
    buildStart() {
      content = load();
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED + PREFIX)) return undefined;
      content ??= load();
      return moduleCode(id.slice(RESOLVED.length), content) ?? null;
    },
    configureServer(server) {
      const folder = join(root, 'questions');
      server.watcher.add(folder);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(folder)) return;
        content = undefined;
        for (const module of server.moduleGraph.idToModuleMap.values()) {
          if (module.id?.startsWith(RESOLVED + PREFIX)) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
