import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '@/server/db/migrate';
import { openDatabase } from '@/server/db/open-database';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteEmptyTemplate: string;
  }
}

/**
 * Creating a PGlite database takes seconds (it runs initdb); copying a migrated one takes about
 * one. So the suite migrates one database here, and every test server starts from a copy of it.
 */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'sq-template-'));
  const handle = await openDatabase({ memory: true });
  const save = async (name: string) => {
    const snapshot = await handle.snapshot?.();
    if (!snapshot) throw new Error('PGlite gave no snapshot');
    const path = join(folder, name);
    writeFileSync(path, Buffer.from(await snapshot.arrayBuffer()));
    return path;
  };
  project.provide('pgliteEmptyTemplate', await save('empty.tar'));
  await migrate(handle);
  project.provide('pgliteTemplate', await save('migrated.tar'));
  await handle.close();
  return () => rmSync(folder, { recursive: true, force: true });
}
