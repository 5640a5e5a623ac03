/** The mocha hooks of a suite whose tests each start the server as its own process. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerProcess } from './server-process.js';

/**
 * Call inside a `describe`: before each test a fresh DATA_DIR (named with `prefix`) is handed to
 * `ready`; after it, the process `running()` names is killed if the test left it running, and
 * the directory goes, so that no test sees another's files or port.
 */
export function processPerTest(
  prefix: string,
  running: () => ServerProcess | undefined,
  ready: (dataDir: string) => void,
): void {
  let dataDir: string | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    ready(dataDir);
  });
  afterEach(async () => {
    const left = running();
    if (left && left.child.exitCode === null) {
      left.child.kill('SIGKILL');
      await left.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
}
