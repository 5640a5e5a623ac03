/**
 * Compiles the server for production into dist/server: one ES module bundle of our own code
 * (npm packages stay external, loaded from node_modules as usual), with source maps so that
 * `node --enable-source-maps` logs stack traces in TypeScript lines. Optional parts loaded with
 * `import()` (the cluster's Redis and S3 code) stay separate chunks, loaded only when configured.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist/server');

export async function buildServer(): Promise<string> {
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [
      path.join(root, 'server/main.ts'),
      // A worker thread's own entry: password-quality.ts starts it from beside the bundle.
      {
        in: path.join(root, 'server/auth/password-quality.worker.ts'),
        out: 'password-quality.worker',
      },
    ],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    sourcemap: true,
    outdir,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return path.join(outdir, 'main.js');
}

if (import.meta.filename === process.argv[1]) {
  const main = await buildServer();
  console.log(`server built in ${path.relative(process.cwd(), main)}`);
}
