import { cpSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Makes `to` a next deploy of the build in `from`, as a real rebuild after a code change would be:
 * every script and style under a new name (so the old names are gone from the host), and a service
 * worker whose precache list differs, so browsers see an update.
 */
export function writeNextVersion(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const assets = join(to, 'assets');
  const renamed = new Map<string, string>();
  for (const name of readdirSync(assets)) {
    const next = name.replace(/\.(js|css)$/, 'v2.$1');
    if (next === name) continue;
    renameSync(join(assets, name), join(assets, next));
    renamed.set(name, next);
  }
  for (const file of filesUnder(to).filter((path) => /\.(js|css|html|webmanifest)$/.test(path))) {
    let text = readFileSync(file, 'utf8');
    for (const [name, next] of renamed) text = text.replaceAll(name, next);
    if (file.endsWith('sw.js')) {
      const next = text.replace(/"revision":"([0-9a-f]+)"/g, '"revision":"$1v2"');
      // A precache list the pattern no longer matches would leave the old pages cached as current.
      if (next === text) throw new Error(`no precache revision found in ${file}`);
      text = next;
    }
    writeFileSync(file, text);
  }
}
