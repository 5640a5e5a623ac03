import assert from 'node:assert/strict';
import type { Answer } from '../../../server/contracts/api.js';
import {
  initialTake,
  reduceTake,
  retakesRemaining,
  type TakeEvent,
  type TakeFlowState,
} from '../../../web-components/candidate/question/take-flow.js';

const take = (id: string, attempt: number, status: Answer['status'] = 'recording'): Answer => ({
  id,
  questionId: 'q1',
  attempt,
  mimeType: 'video/webm',
  status,
  receivedChunks: [],
  maxChunkBytes: 1024,
  durationMs: null,
  error: null,
  lastChunkAt: null,
  tombstone: false,
  discarded: false,
});

const run = (events: TakeEvent[], from: TakeFlowState = initialTake()) =>
  events.reduce(reduceTake, from);

/** A first take recorded, stopped by the candidate and accepted by the server. */
const SAVED: TakeEvent[] = [
  { type: 'preparing' },
  { type: 'thinking' },
  { type: 'starting' },
  { type: 'recording', answer: take('a1', 1) },
  { type: 'ended', interrupted: false },
  { type: 'saved', answerId: 'a1' },
];

describe('candidate recorder: where a take stands (TakeFlow)', () => {
  it('counts each take begun against the limit, and shows the saved one', () => {
    const state = run(SAVED);
    assert.equal(state.phase, 'review');
    assert.equal(state.answer?.id, 'a1');
    assert.equal(state.submitted, true);
    assert.equal(retakesRemaining(state, 2, false), 1);
    assert.equal(retakesRemaining(state, 2, true), Number.POSITIVE_INFINITY, 'practice');
  });

  it('gives the attempt back when nothing was recorded, and says so', () => {
    const state = run([
      { type: 'recording', answer: take('a1', 1) },
      { type: 'ended', interrupted: true },
      { type: 'nothing-recorded', answerId: 'a1', error: 'Nothing was recorded.' },
    ]);
    assert.deepEqual(
      [state.phase, state.answer, state.takesUsed, state.error],
      ['intro', null, 0, 'Nothing was recorded.'],
    );
  });

  it('ignores news about a take that is no longer the one on screen', () => {
    const state = run([
      ...SAVED,
      { type: 'retake' },
      { type: 'recording', answer: take('a2', 2) },
      { type: 'nothing-recorded', answerId: 'a1', error: 'late' },
      { type: 'upload-failed', answerId: 'a1', error: 'late' },
      { type: 'saved', answerId: 'a1' },
    ]);
    assert.deepEqual([state.answer?.id, state.takesUsed, state.error], ['a2', 2, '']);
    assert.equal(state.submitted, false);
  });

  it('a take resumed after a reload during thinking uses no attempt more', () => {
    const state = run([
      { type: 'resumed', note: 'Welcome back.' },
      { type: 'thinking' },
      { type: 'recording', answer: take('a1', 1) },
    ]);
    assert.equal(state.takesUsed, 0);
    assert.equal(state.resumedNote, 'Welcome back.');
    assert.equal(run([{ type: 'revealed' }], state).resumedNote, '');
  });

  it('an empty interrupted take given up costs nothing', () => {
    const state = run([
      { type: 'found-interrupted', answer: take('a1', 1), earlier: null },
      { type: 'gave-up-empty' },
    ]);
    assert.deepEqual([state.answer, state.takesUsed], [null, -1]);
  });

  describe('issue 21: a retake cut short never displaces the complete answer unasked', () => {
    /** The saved answer, then a retake recorded as a2 that ends normally or is cut short. */
    const retakeOfSaved = (interrupted: boolean): TakeEvent[] => [
      ...SAVED,
      { type: 'retake' },
      { type: 'recording', answer: take('a2', 2) },
      { type: 'ended', interrupted },
    ];

    it('a retake stopped normally replaces the saved answer', () => {
      const state = run([...retakeOfSaved(false)]);
      assert.deepEqual([state.phase, state.answer?.id], ['review', 'a2']);
    });

    it('a retake cut short in the page waits for the choice, the saved answer at hand', () => {
      const state = run([...retakeOfSaved(true)]);
      assert.deepEqual(
        [state.phase, state.answer?.id, state.earlier?.id, state.endedEarly],
        ['interrupted', 'a2', 'a1', true],
      );
    });

    it('keeping the earlier answer shows it as saved again; the retake stays used', () => {
      const state = run([...retakeOfSaved(true), { type: 'kept-earlier' }]);
      assert.deepEqual(
        [state.phase, state.answer?.id, state.submitted, state.keptEarlier, state.earlier],
        ['review', 'a1', true, true, null],
      );
      assert.equal(retakesRemaining(state, 2, false), 0);
    });

    it('keeping the interrupted take hands it in like any take', () => {
      const state = run([
        ...retakeOfSaved(true),
        { type: 'kept-interrupted' },
        { type: 'saved', answerId: 'a2' },
      ]);
      assert.deepEqual(
        [state.phase, state.answer?.id, state.submitted, state.earlier],
        ['review', 'a2', true, null],
      );
    });

    it('after a reload: the interrupted take and the complete one from the session', () => {
      const earlier = take('a1', 1, 'ready');
      const state = run([
        { type: 'opened', earlier },
        { type: 'found-interrupted', answer: take('a2', 2), earlier },
      ]);
      assert.deepEqual([state.phase, state.earlier?.id], ['interrupted', 'a1']);
      assert.equal(run([{ type: 'kept-earlier' }], state).answer?.id, 'a1');
    });

    it('a retake resumed after a reload during its thinking time still has the earlier answer', () => {
      const state = run([
        { type: 'opened', earlier: take('a1', 1, 'ready') },
        { type: 'resumed', note: 'Welcome back.' },
        { type: 'recording', answer: take('a2', 2) },
        { type: 'ended', interrupted: true },
      ]);
      assert.deepEqual([state.phase, state.earlier?.id], ['interrupted', 'a1']);
    });

    it('a first take cut short has nothing to choose from: it is kept as before', () => {
      const state = run([
        { type: 'recording', answer: take('a1', 1) },
        { type: 'ended', interrupted: true },
      ]);
      assert.deepEqual([state.phase, state.endedEarly], ['review', true]);
    });
  });
});
