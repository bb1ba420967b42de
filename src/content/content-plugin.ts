import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadContent, type Content } from './load-content';
import { formatProblem } from './problem';
import { readContentFiles } from './read-content-files';
import { toCatalog } from './catalog';
import { countCitations } from './count-citations';

const MODULES = {
  'virtual:content/catalog': (content: Content) => toCatalog(content),
  'virtual:content/sources': (content: Content) => ({
    sources: content.sources,
    citationCounts: countCitations(content.questions),
  }),
  'virtual:content/questions': (content: Content) => ({ banks: content.banks, questions: content.questions }),
} as const;
type ModuleId = keyof typeof MODULES;
const isModuleId = (id: string): id is ModuleId => id in MODULES;
const RESOLVED = '\0';

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
      return isModuleId(id) ? RESOLVED + id : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const name = id.slice(RESOLVED.length);
      if (!isModuleId(name)) return undefined;
      content ??= load();
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(MODULES[name](content)))});`;
    },
    configureServer(server) {
      server.watcher.add(join(root, 'questions'));
      server.watcher.on('change', (file) => {
        if (!file.includes(`${join(root, 'questions')}`)) return;
        content = undefined;
        for (const name of Object.keys(MODULES)) {
          const module = server.moduleGraph.getModuleById(RESOLVED + name);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
