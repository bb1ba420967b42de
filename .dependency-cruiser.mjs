// The layer map of docs/architecture.md, enforced on the resolved import graph (so a relative path
// cannot slip past a rule). `npm run lint` runs it; `npm run architecture` draws the same graph.

/** A folder of src/ and everything under it. */
const under = (...folders) => `^src/(${folders.join('|')})/`;

const BROWSER = [
  'app',
  'features',
  'components',
  'hooks',
  'lib',
  'stores',
  'navigation',
  'content',
  'formats',
  'engine',
  'domain',
];

export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one; split what both need into a third.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing',
      comment: 'src/domain is plain types and constants that every layer, browser or Node, can load.',
      severity: 'error',
      from: { path: under('domain') },
      to: { pathNot: under('domain') },
    },
    {
      name: 'engine-imports-only-domain',
      comment: 'The engine is pure: the domain types and its own libraries (ts-fsrs), no zod, no UI.',
      severity: 'error',
      from: { path: under('engine') },
      to: { pathNot: [under('engine', 'domain'), '(^|/)node_modules/ts-fsrs/'] },
    },
    {
      name: 'content-is-schemas-and-codecs',
      comment: 'src/content checks what enters (zod) and carries codes; it knows no engine, UI or build.',
      severity: 'error',
      from: { path: under('content') },
      to: {
        path: under(
          'engine',
          'formats',
          'build',
          'server',
          'cli',
          'app',
          'features',
          'components',
          'hooks',
          'lib',
          'stores',
          'navigation',
        ),
      },
    },
    {
      name: 'formats-are-codecs',
      comment: 'The format codecs read and write files: domain, content and the engine only.',
      severity: 'error',
      from: { path: under('formats') },
      to: {
        path: under(
          'build',
          'server',
          'cli',
          'app',
          'features',
          'components',
          'hooks',
          'lib',
          'stores',
          'navigation',
        ),
      },
    },
    {
      name: 'browser-never-imports-node-only-code',
      comment: 'src/build, src/server and src/cli run in Node; the browser bundle must never reach them.',
      severity: 'error',
      from: { path: under(...BROWSER) },
      to: { path: under('build', 'server', 'cli') },
    },
    {
      name: 'browser-never-imports-node-builtins',
      comment: 'node:fs and friends exist only on the server, in the build and in the CLI.',
      severity: 'error',
      from: { path: under(...BROWSER) },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'node-code-never-imports-ui',
      comment: 'The build, the CLI and the server reuse the engine, content and formats, never the UI.',
      severity: 'error',
      from: { path: under('build', 'server', 'cli') },
      to: { path: under('app', 'features', 'components', 'hooks', 'lib', 'stores', 'navigation') },
    },
    {
      name: 'build-is-not-the-server',
      comment: 'The build and the CLI know nothing of the server.',
      severity: 'error',
      from: { path: under('build', 'cli') },
      to: { path: under('server') },
    },
    {
      name: 'shared-ui-never-imports-features-or-app',
      comment: 'components, hooks, lib, stores and navigation serve every feature; they import none.',
      severity: 'error',
      from: { path: under('components', 'hooks', 'lib', 'stores', 'navigation') },
      to: { path: under('features', 'app') },
    },
    {
      name: 'lib-is-generic',
      comment: 'src/lib holds small generic helpers: nothing of the app.',
      severity: 'error',
      from: { path: under('lib') },
      to: { path: '^src/', pathNot: under('lib') },
    },
    {
      name: 'stores-hold-no-ui',
      comment: 'Stores are data and actions; components and hooks read them, not the other way round.',
      severity: 'error',
      from: { path: under('stores') },
      to: { path: under('components', 'hooks', 'navigation') },
    },
    {
      name: 'features-never-import-each-other',
      comment: 'What two features share goes down a layer (components, hooks, stores, navigation).',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-never-import-the-app',
      severity: 'error',
      from: { path: under('features') },
      to: { path: under('app') },
    },
    {
      name: 'only-the-app-reads-built-in-content',
      comment: 'Screens get content through the content context, so page tests can hand in fixture banks.',
      severity: 'error',
      from: { pathNot: under('app') },
      to: { path: '^virtual:content/' },
    },
    {
      name: 'tests-only-in-tests',
      comment: 'Nothing in src/ may import a test helper.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.css$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // Vite's virtual modules and `?url`-style imports resolve at build time only.
    moduleSystems: ['es6'],
  },
};
