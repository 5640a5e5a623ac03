/**
 * The outbox: every recorded slice is written here before any upload is tried, and leaves only
 * once the server has acknowledged it. It lives in IndexedDB so that a reload, a crash or a lost
 * connection loses nothing; `MemoryOutbox` stands in where IndexedDB is unavailable.
 */

/** One take (one server Answer) whose chunks are still on this device. */
export interface OutboxTake {
  answerId: string;
  /** The invitation the take belongs to: one browser may hold takes of several invitations. */
  scope: string;
  questionId: string;
  mimeType: string;
  createdAt: number;
  /** The index the next chunk gets; once closed, the take's chunk count. */
  nextIndex: number;
  /** Media recorded so far, for `complete`'s durationMs. */
  recordedMs: number;
  /** Recording has ended: `complete` may be sent once every chunk is acknowledged. */
  closed: boolean;
  /** It ended because of a reload, a crash or the page being hidden, not the stop button. */
  interrupted: boolean;
  /**
   * Issue 21: interrupted while a complete take of its question exists. Its chunks are sent,
   * but `complete` waits until the candidate chooses to keep it (absent in older outboxes).
   */
  awaitingChoice?: boolean;
}

export interface OutboxChunk {
  answerId: string;
  index: number;
  bytes: ArrayBuffer;
  sha256: string;
}

export interface Outbox {
  /** False for the in-memory stand-in: nothing survives a reload. */
  readonly durable: boolean;
  saveTake(take: OutboxTake): Promise<void>;
  take(answerId: string): Promise<OutboxTake | undefined>;
  /** The scope's takes, oldest first. */
  takes(scope: string): Promise<OutboxTake[]>;
  /** Forgets a take and any chunk of it still here. */
  removeTake(answerId: string): Promise<void>;
  /** Stores a chunk and moves the take's count and recorded time past it. */
  storeChunk(chunk: OutboxChunk, recordedMs: number): Promise<void>;
  /** The lowest-indexed chunk not yet acknowledged. */
  firstChunk(answerId: string): Promise<OutboxChunk | undefined>;
  chunk(answerId: string, index: number): Promise<OutboxChunk | undefined>;
  /** Byte sizes of the chunks still waiting, by index. */
  pendingSizes(answerId: string): Promise<Map<number, number>>;
  removeChunk(answerId: string, index: number): Promise<void>;
}

const DB_NAME = 'interview-recorder-outbox';
const TAKES = 'takes';
const CHUNKS = 'chunks';

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The take once a chunk at `index`, reaching `recordedMs`, is stored. */
const advanced = (take: OutboxTake, index: number, recordedMs: number): OutboxTake => ({
  ...take,
  nextIndex: Math.max(take.nextIndex, index + 1),
  recordedMs: Math.max(take.recordedMs, recordedMs),
});

const chunksOf = (answerId: string) =>
  IDBKeyRange.bound([answerId, 0], [answerId, Number.MAX_SAFE_INTEGER]);

export class IndexedDbOutbox implements Outbox {
  readonly durable = true;

  private constructor(private readonly db: IDBDatabase) {}

  static async open(name = DB_NAME): Promise<IndexedDbOutbox> {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(TAKES, { keyPath: 'answerId' }).createIndex('scope', 'scope');
      db.createObjectStore(CHUNKS, { keyPath: ['answerId', 'index'] });
    };
    const db = await result(request);
    // Another tab upgrading the schema must not be blocked by us.
    db.onversionchange = () => db.close();
    return new IndexedDbOutbox(db);
  }

  private tx(stores: string[], mode: IDBTransactionMode = 'readonly'): IDBTransaction {
    // Relaxed durability: a committed write survives a reload or a browser crash; only a power
    // cut in the next instant could lose it. 'strict' (an fsync per slice) put hundreds of ms
    // between stop and saved on ordinary disks.
    return this.db.transaction(stores, mode, { durability: 'relaxed' });
  }

  /** Every take and chunk of every invitation on this device (erasure). */
  async clear(): Promise<void> {
    const tx = this.tx([TAKES, CHUNKS], 'readwrite');
    tx.objectStore(TAKES).clear();
    tx.objectStore(CHUNKS).clear();
    await done(tx);
    this.db.close();
  }

  async saveTake(take: OutboxTake): Promise<void> {
    const tx = this.tx([TAKES], 'readwrite');
    tx.objectStore(TAKES).put(take);
    await done(tx);
  }

  take(answerId: string): Promise<OutboxTake | undefined> {
    return result(this.tx([TAKES]).objectStore(TAKES).get(answerId));
  }

  async takes(scope: string): Promise<OutboxTake[]> {
    const all: OutboxTake[] = await result(
      this.tx([TAKES]).objectStore(TAKES).index('scope').getAll(scope),
    );
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  async removeTake(answerId: string): Promise<void> {
    const tx = this.tx([TAKES, CHUNKS], 'readwrite');
    tx.objectStore(CHUNKS).delete(chunksOf(answerId));
    tx.objectStore(TAKES).delete(answerId);
    await done(tx);
  }

  async storeChunk(chunk: OutboxChunk, recordedMs: number): Promise<void> {
    // One transaction: the bytes and the take's count are stored together, or neither.
    const tx = this.tx([TAKES, CHUNKS], 'readwrite');
    const takes = tx.objectStore(TAKES);
    const take: OutboxTake | undefined = await result(takes.get(chunk.answerId));
    if (!take) {
      tx.abort();
      throw new Error(`No take ${chunk.answerId} in the outbox`);
    }
    tx.objectStore(CHUNKS).put(chunk);
    takes.put(advanced(take, chunk.index, recordedMs));
    await done(tx);
  }

  async firstChunk(answerId: string): Promise<OutboxChunk | undefined> {
    const cursor = await result(
      this.tx([CHUNKS]).objectStore(CHUNKS).openCursor(chunksOf(answerId)),
    );
    return cursor ? (cursor.value as OutboxChunk) : undefined;
  }

  chunk(answerId: string, index: number): Promise<OutboxChunk | undefined> {
    return result(this.tx([CHUNKS]).objectStore(CHUNKS).get([answerId, index]));
  }

  async pendingSizes(answerId: string): Promise<Map<number, number>> {
    const chunks: OutboxChunk[] = await result(
      this.tx([CHUNKS]).objectStore(CHUNKS).getAll(chunksOf(answerId)),
    );
    return new Map(chunks.map((c) => [c.index, c.bytes.byteLength]));
  }

  async removeChunk(answerId: string, index: number): Promise<void> {
    const tx = this.tx([CHUNKS], 'readwrite');
    tx.objectStore(CHUNKS).delete([answerId, index]);
    await done(tx);
  }
}

/** Same behaviour, in memory: for browsers without IndexedDB (some private modes). */
export class MemoryOutbox implements Outbox {
  readonly durable = false;
  private readonly takeMap = new Map<string, OutboxTake>();
  private readonly chunkMap = new Map<string, Map<number, OutboxChunk>>();

  async saveTake(take: OutboxTake) {
    this.takeMap.set(take.answerId, { ...take });
  }
  async take(answerId: string) {
    const take = this.takeMap.get(answerId);
    return take && { ...take };
  }
  async takes(scope: string) {
    return [...this.takeMap.values()]
      .filter((t) => t.scope === scope)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((t) => ({ ...t }));
  }
  async removeTake(answerId: string) {
    this.takeMap.delete(answerId);
    this.chunkMap.delete(answerId);
  }
  async storeChunk(chunk: OutboxChunk, recordedMs: number) {
    const take = this.takeMap.get(chunk.answerId);
    if (!take) throw new Error(`No take ${chunk.answerId} in the outbox`);
    const chunks = this.chunkMap.get(chunk.answerId) ?? new Map<number, OutboxChunk>();
    chunks.set(chunk.index, chunk);
    this.chunkMap.set(chunk.answerId, chunks);
    this.takeMap.set(chunk.answerId, advanced(take, chunk.index, recordedMs));
  }
  async firstChunk(answerId: string) {
    const chunks = [...(this.chunkMap.get(answerId)?.values() ?? [])];
    return chunks.sort((a, b) => a.index - b.index)[0];
  }
  async chunk(answerId: string, index: number) {
    return this.chunkMap.get(answerId)?.get(index);
  }
  async pendingSizes(answerId: string) {
    const chunks = [...(this.chunkMap.get(answerId)?.values() ?? [])];
    return new Map(chunks.map((c) => [c.index, c.bytes.byteLength]));
  }
  async removeChunk(answerId: string, index: number) {
    this.chunkMap.get(answerId)?.delete(index);
  }
}

/** The durable outbox when the browser allows it, else the in-memory one. */
export async function openOutbox(): Promise<Outbox> {
  try {
    if (typeof indexedDB === 'undefined') return new MemoryOutbox();
    return await IndexedDbOutbox.open();
  } catch {
    return new MemoryOutbox();
  }
}

/**
 * After the candidate erased their data: nothing recorded stays on this device. The stores are
 * emptied rather than the database deleted, which would wait for every open tab to let go.
 */
export async function clearOutbox(name = DB_NAME): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const outbox = await IndexedDbOutbox.open(name);
  await outbox.clear();
}
