/**
 * The only script of a page that paints from its HTML (built, or rendered by the server for the
 * request). It asks for the app's scripts once the page has painted, so that the paint waits for
 * nothing but the HTML. Its tag names them (src/build/scripts-after-paint.ts): React's chunk, which
 * the entry imports, the entry, and the screen's own module, whose imports the browser then fetches
 * beside the entry. Imported, not preloaded with a link each: twenty links put in the page cost up to
 * 130 ms of one task with the CPU slowed 4×, two imports a few. The page's inert preload links name
 * the screen's imports too, and each is imported on its own as well (decision 018).
 */
const tag = document.querySelector<HTMLScriptElement>('script[data-entry]');
const entry = tag?.dataset.entry;
const screenModule = tag?.dataset.screen;
// React's chunk, which the entry imports: asked for first, it runs in a task of its own as soon as it
// has come, and the entry's task is left with the app's own start.
const entryImports = tag?.dataset.entryImports?.split(' ').filter(Boolean) ?? [];
// Each import costs the task that asks for it about 0.3 ms of running (its request, traced with the
// stack that made it): the twenty-odd of a screen together made a task of 7 to 8 ms, which
// Lighthouse's mobile model counts four times.
const IMPORTS_PER_TASK = 4;
let isLoading = false;

function importInTasks(modules: string[]): void {
  for (const module of modules.slice(0, IMPORTS_PER_TASK)) void import(/* @vite-ignore */ module);
  const rest = modules.slice(IMPORTS_PER_TASK);
  if (rest.length > 0) setTimeout(() => importInTasks(rest));
}

function loadApp(): void {
  if (isLoading || !entry) return;
  isLoading = true;
  // The browser evaluates an imported module with all it imports in one task, once all have come.
  // Asked for one by one, each module evaluates in a task of its own as soon as it and its own imports
  // are there, and the screen's task is left with what is only the screen's. React's chunk, the entry
  // and the screen are asked for first; the rest four to a task, each task queued by the one before
  // (decisions 018 and 021).
  const first = [...entryImports, entry, ...(screenModule ? [screenModule] : [])];
  const others = [...document.querySelectorAll('link[rel="modulepreload"]')]
    .map((link) => link.getAttribute('href'))
    .filter((module): module is string => module !== null && !first.includes(module));
  importInTasks([...first, ...others]);
}

// The first contentful paint is reported once the frame is shown, which a frame's callbacks do not
// wait for. A browser that reports no paints loads the app after its first frame instead.
if (PerformanceObserver.supportedEntryTypes.includes('paint')) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    setTimeout(loadApp);
  }).observe({ type: 'paint', buffered: true });
} else {
  requestAnimationFrame(() => setTimeout(loadApp));
}

// A module: its names stay its own.
export {};
