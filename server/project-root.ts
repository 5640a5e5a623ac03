import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Found by walking up rather than by a fixed number of `..`,
 * because this code runs both from its source (tsx, server/…) and bundled (dist/server/…).
 */
export function projectRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
