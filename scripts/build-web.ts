/** Bundles the Lit components for browsers into dist/web (served at /assets). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { tokenSheet } from '../web-components/design/palette.js';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/web');

export async function buildWeb(): Promise<string> {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [
      path.join(root, 'web-components/app.ts'),
      path.join(root, 'web-components/apply.ts'),
      path.join(root, 'web-components/guest.ts'),
    ],
    bundle: true,
    format: 'esm',
    target: ['es2022', 'safari15', 'firefox110', 'chrome110'],
    minify: true,
    sourcemap: true,
    outdir,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  // One source for the tokens: the page's :root gets the same values as the components' hosts.
  const pageRules = await readFile(path.join(root, 'web-components/page.css'), 'utf8');
  await writeFile(path.join(outdir, 'page.css'), `${tokenSheet(':root')}\n${pageRules}`);
  return outdir;
}

if (import.meta.filename === process.argv[1]) {
  const built = await buildWeb();
  console.log(`web assets built in ${path.relative(process.cwd(), built) || '.'}`);
}
