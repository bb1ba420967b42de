// `npm run dev`: the API server and Vite's dev server (hot reload) in one process; Vite passes
// /api, the health checks and the live sessions' Socket.IO on to the API server, so the browser sees one origin, as in production.
import { createServer } from 'vite';
import { readConfig } from './config';
import { startServer } from './start-server';

const read = readConfig(process.env);
if (!read.ok) {
  console.error(
    `The server cannot start; fix these settings:\n${read.problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
const api = await startServer(read.config, { distDir: '/nonexistent' });
const target = api.url;
const vite = await createServer({
  server: {
    proxy: Object.fromEntries(
      ['/api', '/healthz', '/readyz', '/socket.io'].map((path) => [path, { target, ws: true }]),
    ),
  },
});
await vite.listen();
vite.printUrls();
console.log(`  ➜  API:     ${target} (${api.database.kind})`);

const stop = async () => {
  await vite.close();
  await api.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
