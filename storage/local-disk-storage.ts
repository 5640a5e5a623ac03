import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  rename,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { syncDirectory } from './directory-sync.js';
import { signMediaPath } from './signed-url.js';
import {
  assertValidKey,
  assertValidRange,
  type ByteRange,
  chunkToBuffer,
  compareKeys,
  InvalidKeyError,
  type ObjectInfo,
  type PutOptions,
  RangeNotSatisfiableError,
  type ReadResult,
  type Storage,
  StorageNotFoundError,
} from './storage.js';

export interface LocalDiskStorageOptions {
  /** Directory that holds the objects; created on first write. */
  root: string;
  /** Base URL of this server, used in signed read URLs (served by mediaFilesRouter). */
  publicUrl: string;
  signingSecret: string;
}

/** In-flight writes are named `.tmp-<random>` next to their target; keys may not use the name. */
const TEMP_PREFIX = '.tmp-';

/**
 * Objects as plain files under a root directory, one file per key. Writes are atomic and
 * durable (temp file, fsync, rename, fsync dir), so a reader sees the old or the new object,
 * never a torn one, and an acknowledged put survives a power cut.
 * Content types are not stored: the media route derives them from the key's extension.
 */
export class LocalDiskStorage implements Storage {
  readonly kind = 'local';
  private readonly root: string;
  private readonly publicUrl: string;
  private readonly signingSecret: string;

  constructor(options: LocalDiskStorageOptions) {
    this.root = path.resolve(options.root);
    this.publicUrl = options.publicUrl.replace(/\/+$/, '');
    this.signingSecret = options.signingSecret;
  }

  async put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<{ size: number }> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    // A fresh key is written in place. Its name is as durable as its bytes once the file is
    // fsynced: on journaling filesystems (ext4, XFS) creating the name and the file is one
    // transaction, which that fsync commits. Only a rename needs the directory's own fsync.
    const { handle, path: written } = options?.freshKey
      ? { handle: await openNewFile(target), path: target }
      : await openTempFile(dir);
    try {
      const size = Buffer.isBuffer(body)
        ? await writeAll(handle, body)
        : await writeStream(handle, body);
      await handle.sync();
      await handle.close();
      if (written !== target) {
        await rename(written, target);
        await syncDirectory(dir);
      }
      return { size };
    } catch (err) {
      await handle.close().catch(() => {});
      await unlink(written).catch(() => {});
      if (!Buffer.isBuffer(body)) body.destroy();
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<ReadResult> {
    const handle = await this.openObject(key);
    try {
      const { size } = await handle.stat();
      if (!range) return { body: handle.createReadStream(), size };
      const served = resolveRange(key, size, range);
      const body = handle.createReadStream({ start: served.start, end: served.end });
      return { body, size, range: served };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { key, size: info.size } : null;
    } catch (err) {
      if (isMissingFileError(err)) return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found = await this.collect('', prefix);
    return found.sort((a, b) => compareKeys(a.key, b.key));
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await unlink(file);
    } catch (err) {
      if (isMissingFileError(err) || errorCode(err) === 'EISDIR') return;
      throw err;
    }
    await this.removeEmptyDirectories(path.dirname(file));
  }

  async deletePrefix(prefix: string): Promise<void> {
    // An empty prefix would wipe the whole store; no caller needs that, so it is refused.
    if (prefix === '') throw new InvalidKeyError(prefix);
    for (const object of await this.list(prefix)) await this.delete(object.key);
    // A put cut short by a crash leaves its bytes under a temp name, which list() hides; erasing
    // a prefix must not leave them. Only directories wholly inside the prefix are searched: a temp
    // file elsewhere cannot be told apart from another key's.
    const dirs = await this.directoriesUnder('', prefix);
    for (const dir of dirs) {
      const entries = await readdir(path.join(this.root, dir), { withFileTypes: true }).catch(
        (err) => (isMissingFileError(err) ? [] : Promise.reject(err)),
      );
      for (const entry of entries) {
        if (!entry.isFile() || !entry.name.startsWith(TEMP_PREFIX)) continue;
        await unlink(path.join(this.root, dir, entry.name)).catch((err) => {
          if (!isMissingFileError(err)) throw err;
        });
      }
    }
    for (const dir of dirs.reverse()) {
      await this.removeEmptyDirectories(path.join(this.root, dir));
    }
  }

  /** Directory keys ("a/b/") below `dirKey` that start with `prefix`, parents before children. */
  private async directoriesUnder(dirKey: string, prefix: string): Promise<string[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.root, dirKey), { withFileTypes: true });
    } catch (err) {
      if (isMissingFileError(err)) return [];
      throw err;
    }
    const found: string[] = dirKey !== '' && dirKey.startsWith(prefix) ? [dirKey] : [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith(TEMP_PREFIX)) continue;
      const childKey = `${dirKey}${entry.name}/`;
      if (childKey.startsWith(prefix) || prefix.startsWith(childKey)) {
        found.push(...(await this.directoriesUnder(childKey, prefix)));
      }
    }
    return found;
  }

  async signedReadUrl(key: string, options: { expiresInSeconds: number }): Promise<string> {
    this.pathOf(key); // refuses a key put() would refuse
    const expires = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    return `${this.publicUrl}${signMediaPath(key, expires, this.signingSecret)}`;
  }

  async check(): Promise<void> {
    const key = `.check/${randomBytes(8).toString('hex')}`;
    const probe = Buffer.from('storage check');
    await this.put(key, probe);
    const read = await this.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of read.body) chunks.push(chunkToBuffer(chunk));
    await this.delete(key);
    if (!Buffer.concat(chunks).equals(probe)) throw new Error('Storage check read other bytes');
  }

  /** The file of a key, refusing any key that could name something outside the root. */
  private pathOf(key: string): string {
    assertValidKey(key);
    if (key.split('/').some((segment) => segment.startsWith(TEMP_PREFIX))) {
      throw new InvalidKeyError(key);
    }
    const file = path.resolve(this.root, key);
    const relative = path.relative(this.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new InvalidKeyError(key);
    }
    return file;
  }

  private async openObject(key: string): Promise<FileHandle> {
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissingFileError(err)) throw new StorageNotFoundError(key);
      throw err;
    }
    if ((await handle.stat()).isFile()) return handle;
    await handle.close();
    throw new StorageNotFoundError(key);
  }

  /** Walks the tree below `dirKey`, entering only directories that can hold a match. */
  private async collect(dirKey: string, prefix: string): Promise<ObjectInfo[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.root, dirKey), { withFileTypes: true });
    } catch (err) {
      if (isMissingFileError(err)) return [];
      throw err;
    }
    const found: Promise<ObjectInfo[]>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue;
      const key = `${dirKey}${entry.name}`;
      const childKey = `${key}/`;
      if (entry.isDirectory() && (childKey.startsWith(prefix) || prefix.startsWith(childKey))) {
        found.push(this.collect(childKey, prefix));
      } else if (entry.isFile() && key.startsWith(prefix)) {
        found.push(this.listedObject(key));
      }
    }
    return (await Promise.all(found)).flat();
  }

  /** A file met while listing; none when a concurrent delete removed it meanwhile. */
  private async listedObject(key: string): Promise<ObjectInfo[]> {
    try {
      return [{ key, size: (await stat(path.join(this.root, key))).size }];
    } catch (err) {
      if (isMissingFileError(err)) return [];
      throw err;
    }
  }

  /** Keeps the tree tidy after deletes; a concurrent put recreates what it needs. */
  private async removeEmptyDirectories(dir: string): Promise<void> {
    for (let current = dir; current !== this.root; current = path.dirname(current)) {
      if (!current.startsWith(`${this.root}${path.sep}`)) return;
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): its parents are not empty either
      }
    }
  }
}

/** Inclusive served range: the end is clamped to the last byte; a start past it is a 416. */
function resolveRange(key: string, size: number, range: ByteRange): { start: number; end: number } {
  assertValidRange(range);
  const { start, end = size - 1 } = range;
  if (start >= size) throw new RangeNotSatisfiableError(key, size);
  return { start, end: Math.min(end, size - 1) };
}

/** A fresh temp file in `dir`, next to the object it will become. */
async function openTempFile(dir: string): Promise<{ handle: FileHandle; path: string }> {
  const tempPath = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  return { handle: await openNewFile(tempPath), path: tempPath };
}

/**
 * Creates `file`, which must not exist yet, creating its directory only when it is missing
 * (usually it is there: an answer's chunks share one). New directories have their parents
 * fsynced, so the path survives a crash too. A concurrent delete may remove a just-created empty
 * directory, hence the retry.
 */
async function openNewFile(file: string): Promise<FileHandle> {
  const dir = path.dirname(file);
  for (let attempt = 1; ; attempt++) {
    try {
      return await open(file, 'wx');
    } catch (err) {
      if (errorCode(err) !== 'ENOENT' || attempt >= 3) throw err;
    }
    const created = await mkdir(dir, { recursive: true });
    if (created) await fsyncNewDirectories(dir, created);
  }
}

async function fsyncNewDirectories(dir: string, firstCreated: string): Promise<void> {
  const lastParent = path.dirname(firstCreated);
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    await syncDirectory(parent);
    if (parent === lastParent || parent === path.dirname(parent)) return;
  }
}

/** Pieces are gathered up to this size and written at once: fewer trips to the thread pool. */
const WRITE_BATCH_BYTES = 512 * 1024;

async function writeStream(handle: FileHandle, body: Readable): Promise<number> {
  let size = 0;
  let batch: Buffer[] = [];
  let batched = 0;
  // Awaiting each write before reading on gives backpressure: memory stays at one batch.
  for await (const chunk of body) {
    const piece = chunkToBuffer(chunk);
    batch.push(piece);
    batched += piece.length;
    if (batched >= WRITE_BATCH_BYTES) {
      size += await writeBatch(handle, batch, batched);
      batch = [];
      batched = 0;
    }
  }
  if (batched > 0) size += await writeBatch(handle, batch, batched);
  return size;
}

/** One writev for the batch, without copying it into one buffer first. */
async function writeBatch(handle: FileHandle, pieces: Buffer[], total: number): Promise<number> {
  const { bytesWritten } = await handle.writev(pieces);
  // A short write (rare for a regular file): the rest goes out the ordinary way.
  if (bytesWritten < total)
    await writeAll(handle, Buffer.concat(pieces, total).subarray(bytesWritten));
  return total;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<number> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
  return bytes.length;
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

/** ENOTDIR: a path component is a file, so the key cannot exist either. */
function isMissingFileError(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}
