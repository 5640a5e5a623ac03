import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Answer, CandidateSession } from '../../../server/contracts/api.js';
import { type CandidateApi, CandidateApiError } from '../candidate-api.js';
import { achievedKbps } from '../recording/quality-ladder.js';
import { splitSlice } from '../recording/recording-format.js';
import { isThinking } from '../session-progress.js';
import { ChunkUploader, takesChunks, type UploadStatus } from './chunk-uploader.js';
import { type Outbox, type OutboxTake, openOutbox } from './outbox.js';
import { forgetRecordingBegun, markRecordingBegun, recordingBegun } from './recording-begun.js';
import { forgetRescued, rescuedSlices, rescueSlice } from './rescue-store.js';
import type { RetryPolicy } from './retry-policy.js';
import { sha256Hex } from './sha256.js';
import { TakeLocks } from './take-locks.js';

const IDLE: UploadStatus = {
  state: 'idle',
  pendingChunks: 0,
  pendingBytes: 0,
  retryAt: null,
  takes: [],
  error: null,
};

/**
 * Upload-while-recording for a Lit host: slices go to the outbox first, then to the server via
 * the ChunkUploader, which keeps going across lost connections. The host re-renders whenever
 * the upload status changes; uploads pause while the host is disconnected.
 */
export class UploadController implements ReactiveController {
  status: UploadStatus = IDLE;
  private outbox: Outbox | null = null;
  private uploader: ChunkUploader | null = null;
  private api: CandidateApi | null = null;
  private scope = '';
  private connected = false;
  /** Held while this tab records a take, so that another tab does not close it meanwhile. */
  private readonly locks = new TakeLocks();
  /** Takes another tab was recording when this one opened. */
  private busyElsewhere = new Set<string>();
  /** Takes being recorded: the next chunk index, and the slices still being prepared. */
  private readonly live = new Map<string, { nextIndex: number; prepared: Promise<void> }>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly policy?: RetryPolicy,
  ) {
    host.addController(this);
  }

  /** False when recordings live only in memory (no IndexedDB): a reload would lose them. */
  get durable(): boolean {
    return this.outbox?.durable ?? true;
  }

  /**
   * Opens the outbox for this invitation and settles what it holds against the server's view:
   * takes the server already handed in are forgotten; takes cut short by a reload or a crash are
   * closed as interrupted, so they are completed with what was recorded. A take left during its
   * thinking time stays open: its question resumes it (`resumeTake`).
   */
  async attach(api: CandidateApi, session: CandidateSession): Promise<void> {
    this.uploader?.stop();
    this.api = api;
    this.scope = session.invitation.id;
    this.outbox ??= await openOutbox();
    this.busyElsewhere = await this.locks.heldElsewhere();
    for (const take of await this.outbox.takes(this.scope)) {
      if (this.busyElsewhere.has(take.answerId)) continue;
      const server = session.answers.find((a) => a.id === take.answerId);
      // A tombstone (abandoned or replaced elsewhere while this device held its recording)
      // still takes its chunks: it is sent and submitted like a take that records.
      if (!server || !takesChunks(server)) {
        forgetRecordingBegun(take.answerId);
        await this.outbox.removeTake(take.answerId);
      } else if (!take.closed) {
        const rescued = await this.takeBackRescued(take, server.receivedChunks);
        // Issue 9: closing it would give it up and, with it, the thinking time already spent.
        if (rescued.nextIndex === 0 && isThinking(server) && !recordingBegun(take.answerId))
          continue;
        forgetRecordingBegun(take.answerId);
        // Issue 21: cut short after a complete take, it waits for the candidate's choice.
        const awaitingChoice = hasCompleteBefore(session.answers, server);
        await this.outbox.saveTake({
          ...{ ...take, ...rescued, closed: true, interrupted: true, awaitingChoice },
        });
      }
    }
    this.uploader = new ChunkUploader({
      api,
      outbox: this.outbox,
      scope: this.scope,
      policy: this.policy,
      isOnline: () => navigator.onLine,
      isBusyElsewhere: (answerId) => this.busyElsewhere.has(answerId),
      onChange: (status) => {
        this.status = status;
        this.host.requestUpdate();
      },
    });
    if (this.connected) await this.uploader.start();
  }

  /**
   * Puts back into the outbox the slices rescued as the page went away, when they follow on from
   * what the outbox or the server holds (a gap would make the take unsubmittable). Returns the
   * take's chunk count and recorded time afterwards.
   */
  private async takeBackRescued(take: OutboxTake, onServer: number[]) {
    const held = new Set(onServer);
    let { nextIndex, recordedMs } = take;
    for (const slice of rescuedSlices(take.answerId)) {
      let reaches = true;
      for (let i = nextIndex; i < slice.index; i++) reaches &&= held.has(i);
      if (reaches && slice.index >= take.nextIndex) {
        const chunk = { ...slice, sha256: await sha256Hex(slice.bytes) };
        await this.outbox!.storeChunk(chunk, slice.recordedMs);
        nextIndex = Math.max(nextIndex, slice.index + 1);
        recordedMs = Math.max(recordedMs, slice.recordedMs);
      }
      forgetRescued(take.answerId, slice.index);
    }
    return { nextIndex, recordedMs };
  }

  /** Whether this device holds (or held, this visit) the take's recording. */
  hasLocal(answerId: string): boolean {
    return this.status.takes.some((t) => t.answerId === answerId);
  }

  /**
   * Whether a take left during its thinking time (a reload, the link opened again) can go on
   * here: the server still calls it thinking, no other tab holds it, and this device did not
   * close it (it began recording here, then stopped before its first slice).
   */
  canResume(answer: Answer): boolean {
    if (!isThinking(answer) || this.busyElsewhere.has(answer.id)) return false;
    // Began recording in this browser (its outbox may be memory only): not thinking any more.
    if (recordingBegun(answer.id)) return false;
    const local = this.status.takes.find((t) => t.answerId === answer.id);
    return !local?.closed;
  }

  /** Whether another tab of this browser is recording that take right now. */
  isBusyElsewhere(answerId: string): boolean {
    return this.busyElsewhere.has(answerId);
  }

  /** The take was stopped by the candidate on this device and waits here to be uploaded. */
  isWaitingHere(answerId: string): boolean {
    const take = this.status.takes.find((t) => t.answerId === answerId);
    return Boolean(take?.closed && !take.interrupted && !take.failure);
  }

  /**
   * Something recorded is not yet accepted by the server: leaving now would strand it. A take
   * awaiting the candidate's choice whose chunks are all sent is safe on the server.
   */
  get somethingWaits(): boolean {
    return (
      this.live.size > 0 ||
      this.status.takes.some(
        (t) => !t.submitted && !t.failure && !(t.awaitingChoice && t.pending === 0),
      )
    );
  }

  /** The upload rate the take's chunk requests achieved (kbit/s), or null if too few. */
  achievedKbps(answerId: string, roundTripMs: number): number | null {
    return achievedKbps(this.uploader?.requestTimes(answerId) ?? [], roundTripMs);
  }

  /** A new attempt on the server, and its place in the outbox. */
  async beginTake(questionId: string, mimeType: string): Promise<Answer> {
    const { api, outbox, uploader } = this.ready();
    const answer = await api.startAnswer(questionId, mimeType);
    this.locks.hold(answer.id);
    const take = {
      answerId: answer.id,
      scope: this.scope,
      questionId,
      mimeType,
      createdAt: Date.now(),
      nextIndex: 0,
      recordedMs: 0,
      closed: false,
      interrupted: false,
    };
    await outbox.saveTake(take);
    await uploader.track(take);
    this.live.set(answer.id, { nextIndex: 0, prepared: Promise.resolve() });
    return answer;
  }

  /**
   * Takes up a take left during its thinking time, to record into it as if just created. Resolves
   * with the server's view of it now (its `thinkRemainingMs` counts from its creation), or null
   * when it can no longer be resumed (a chunk arrived from elsewhere, it was closed): a copy
   * here is then closed as interrupted, which completes it or gives it up as usual.
   */
  async resumeTake(answer: Answer): Promise<Answer | null> {
    const { api, outbox, uploader } = this.ready();
    const now = await api.answer(answer.id).catch((err: unknown) => {
      if (err instanceof CandidateApiError) return null;
      // Offline: the session's figure less all the time this page has been open, never more.
      const left = Math.max(0, (answer.thinkRemainingMs ?? 0) - performance.now());
      return { ...answer, thinkRemainingMs: left };
    });
    if (!now || !isThinking(now)) {
      if (this.hasLocal(answer.id)) await uploader.close(answer.id, 0, true);
      return null;
    }
    this.locks.hold(answer.id);
    if (!this.hasLocal(answer.id)) {
      // Created on another device or browser: from now on this one holds it.
      const take = {
        answerId: answer.id,
        scope: this.scope,
        questionId: answer.questionId,
        mimeType: answer.mimeType,
        createdAt: Date.now(),
        nextIndex: 0,
        recordedMs: 0,
        closed: false,
        interrupted: false,
      };
      await outbox.saveTake(take);
      await uploader.track(take);
    }
    this.live.set(answer.id, { nextIndex: 0, prepared: Promise.resolve() });
    return now;
  }

  /**
   * Recording of the take starts now. Said at once, where a reload cannot lose it: a take that
   * began recording is not resumed for its thinking time (recording-begun.ts).
   */
  recordingBegins(answerId: string): void {
    markRecordingBegun(answerId);
  }

  /**
   * Hands a recorded slice (cut to size) to the uploader, which stores it in the outbox and
   * sends it. Resolves once it is in the outbox.
   */
  addSlice(answerId: string, slice: Blob, recordedMs: number, leaving = false): Promise<void> {
    const live = this.live.get(answerId);
    if (!live) return Promise.reject(new Error(`Take ${answerId} is not being recorded`));
    const { uploader } = this.ready();
    // Indexes are given now, in recording order, whatever the preparation below takes.
    const pieces = splitSlice(slice);
    const first = live.nextIndex;
    live.nextIndex += pieces.length;
    // The page is going away: keep the slice where a synchronous write reaches at once.
    if (leaving && pieces.length === 1) void rescueSlice(answerId, first, recordedMs, slice);
    const stored: Promise<void>[] = [];
    const work = live.prepared.then(async () => {
      for (const [offset, piece] of pieces.entries()) {
        const bytes = await piece.arrayBuffer();
        const index = first + offset;
        const chunk = { answerId, index, bytes, sha256: await sha256Hex(bytes) };
        stored.push(uploader.add(chunk, recordedMs).then(() => forgetRescued(answerId, index)));
      }
    });
    // Slices are prepared one after another, so that the outbox is written in order.
    live.prepared = work.catch(() => undefined);
    return work.then(() => Promise.all(stored)).then(() => undefined);
  }

  /**
   * Recording ended; once every chunk is acknowledged the uploader completes the take, unless it
   * awaits the candidate's choice (`keepTake` or `discardTake` then settles it).
   */
  async endTake(
    answerId: string,
    recordedMs: number,
    interrupted: boolean,
    awaitingChoice = false,
  ): Promise<void> {
    const live = this.live.get(answerId);
    await live?.prepared;
    this.live.delete(answerId);
    try {
      await this.ready().uploader.close(answerId, recordedMs, interrupted, awaitingChoice);
    } finally {
      this.locks.release(answerId);
      forgetRecordingBegun(answerId);
    }
  }

  /** Resolves once the server has accepted the take. */
  submitted(answerId: string): Promise<Answer> {
    return this.ready().uploader.submitted(answerId);
  }

  /**
   * Submits a take interrupted on another device (or whose local copy is gone) with the chunks
   * the server already has: they form a gap-free prefix because chunks are sent in order.
   */
  async keepUploadedPart(answer: Answer): Promise<Answer> {
    const received = new Set(answer.receivedChunks);
    let count = 0;
    while (received.has(count)) count += 1;
    return this.ready().api.complete(answer.id, count);
  }

  /** Issue 21: the candidate keeps an interrupted take over the complete one: hand it in. */
  keepTake(answerId: string): void {
    void this.ready()
      .uploader.release(answerId)
      .catch(() => undefined);
  }

  /**
   * Issue 21: the candidate keeps the complete take; the interrupted one is set aside on the
   * server (so it is never reviewed, and no device can hand it in later), then dropped here.
   */
  async discardTake(answer: Answer): Promise<void> {
    const { api, uploader } = this.ready();
    await api.discard(answer.id);
    await uploader.forget(answer.id).catch(() => undefined);
    forgetRecordingBegun(answer.id);
  }

  /**
   * Gives up a take that reached the server empty and is not on this device (the page died
   * before its first slice, or another device never sent one), so that it costs no attempt.
   * The server keeps it as a tombstone that a device holding its recording can still send.
   */
  async abandon(answerId: string): Promise<void> {
    await this.ready()
      .api.abandon(answerId)
      .catch((err: unknown) => {
        if (!(err instanceof CandidateApiError && err.status === 404)) throw err;
      });
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onOnline);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.uploader?.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onOnline);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.uploader?.stop();
    this.locks.releaseAll();
  }

  private readonly onOnline = () => {
    if (document.visibilityState === 'visible' && navigator.onLine) this.uploader?.retryNow();
  };

  private readonly onOffline = () => this.host.requestUpdate();

  /** Asks "Leave this page?" while a recording is on this device only (browsers show their own words). */
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.somethingWaits) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };

  private ready() {
    const { api, outbox, uploader } = this;
    if (!api || !outbox || !uploader) throw new Error('UploadController used before attach()');
    return { api, outbox, uploader };
  }
}

const isHandedIn = (a: Answer) => a.status === 'processing' || a.status === 'ready';

/** Issue 21: the question already holds a complete take from before this one. */
export function hasCompleteBefore(answers: Answer[], take: Answer): boolean {
  return answers.some(
    (a) => a.questionId === take.questionId && a.attempt < take.attempt && isHandedIn(a),
  );
}
