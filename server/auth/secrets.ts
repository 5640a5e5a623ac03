import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Secrets {
  /** Signs staff JWTs. */
  jwt: string;
  /** Signs local-disk media URLs; derived, so leaking one URL key says nothing of the JWT key. */
  media: string;
}

/** JWT_SECRET when set; otherwise a secret generated on first start and kept in DATA_DIR. */
export async function loadSecrets(options: {
  jwtSecret: string | null;
  dataDir: string;
}): Promise<Secrets> {
  const jwt =
    options.jwtSecret ?? (await readOrCreateSecret(path.join(options.dataDir, 'jwt-secret')));
  return { jwt, media: createHmac('sha256', jwt).update('media-url-signing').digest('hex') };
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': if another process created it a moment ago, keep theirs.
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return (await readFile(file, 'utf8')).trim();
  }
}
