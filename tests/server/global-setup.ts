import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/server/db/migrate';
import { openDatabase } from '@/server/db/open-database';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Creating a PGlite database takes seconds (it runs initdb); copying a migrated one takes about
 * one. So the suite migrates one database here, and every test server starts from a copy of it.
 */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'sq-template-'));
  const handle = await openDatabase({ memory: true });
  await migrate(handle);
  const snapshot = await handle.snapshot?.();
  await handle.close();
  if (!snapshot) throw new Error('PGlite gave no snapshot');
  const path = join(folder, 'template.tar');
  writeFileSync(path, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteTemplate', path);
  return () => rmSync(folder, { recursive: true, force: true });
}
