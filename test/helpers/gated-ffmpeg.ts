import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes into `gateDir` an ffmpeg that touches `started`, then waits for a file `open` before
 * converting: a job held mid-conversion for as long as a test needs. Returns the script's path
 * (for FFMPEG_PATH).
 */
export async function writeGatedFfmpeg(gateDir: string): Promise<string> {
  const script = path.join(gateDir, 'ffmpeg');
  await writeFile(
    script,
    `#!/bin/sh
for a in "$@"; do [ "$a" = "-version" ] && exec ffmpeg "$@"; done
touch "${gateDir}/started"
while [ ! -f "${gateDir}/open" ]; do sleep 0.05; done
exec ffmpeg "$@"
`,
  );
  await chmod(script, 0o755);
  return script;
}
