import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  AnswerForReview,
  AnswerStatus,
  Interview,
  InterviewQuestion,
  InvitationStatus,
  QueueItem,
  Rating,
} from '../../../server/contracts/api.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';

/** One question of the candidate's interview, with the answer under review if there is one. */
export interface ReviewSlot {
  number: number;
  question: InterviewQuestion;
  answer: QueueItem['answers'][number] | null;
}

/**
 * Everything the review of one candidate needs: their queue entry, the questions, each answer's
 * playable links (fetched when needed, refreshed when they expire) and my own ratings.
 */
export class CandidateReviewData implements ReactiveController {
  item: QueueItem | null = null;
  interview: Interview | null = null;
  slots: ReviewSlot[] = [];
  readonly details = new Map<string, AnswerForReview>();
  readonly mine = new Map<string, Rating>();
  /** Everyone's ratings of an answer, as far as the server unseals them to me. */
  readonly all = new Map<string, Rating[]>();
  error = '';
  #fetching = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: () => WorkspaceContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async load(invitationId: string, status: InvitationStatus): Promise<void> {
    const { api, user } = this.ctx();
    try {
      const item = (await api.queue({ status })).find((i) => i.invitationId === invitationId);
      if (!item) throw new Error('not-in-queue');
      const interview =
        this.interview?.id === item.interviewId
          ? this.interview
          : await api.interview(item.interviewId);
      const rateable = item.answers.filter((a) => a.status === 'ready');
      const ratings = await Promise.all(rateable.map((a) => api.ratings(a.id)));
      for (const [i, a] of rateable.entries()) this.all.set(a.id, ratings[i] ?? []);
      for (const rating of ratings.flat()) {
        if (rating.reviewer.id === user.id) this.mine.set(rating.answerId, rating);
      }
      this.item = item;
      this.interview = interview;
      this.slots = interview.questions.map((question, index) => ({
        number: index + 1,
        question,
        answer: item.answers.find((a) => a.questionId === question.id) ?? null,
      }));
      this.error = '';
    } catch (err) {
      this.error =
        err instanceof Error && err.message === 'not-in-queue' ? 'not-in-queue' : errorText(err);
    }
    this.host.requestUpdate();
  }

  /** The answer's current links and state (also the cure for an expired video link). */
  async refreshAnswer(answerId: string): Promise<AnswerForReview> {
    const detail = await this.ctx().api.answer(answerId);
    this.details.set(answerId, detail);
    this.host.requestUpdate();
    return detail;
  }

  /** Loads links for answers on screen or next, once. */
  ensureDetail(answerId: string | undefined): void {
    if (!answerId || this.details.has(answerId) || this.#fetching.has(answerId)) return;
    const slot = this.slots.find((s) => s.answer?.id === answerId);
    if (slot?.answer?.status !== 'ready') return;
    this.#fetching.add(answerId);
    void this.refreshAnswer(answerId)
      .catch(() => {})
      .finally(() => this.#fetching.delete(answerId));
  }

  /** A live `answer-status`: processing answers become playable without a reload. */
  applyAnswerStatus(answerId: string, status: AnswerStatus): void {
    const slot = this.slots.find((s) => s.answer?.id === answerId);
    if (!slot?.answer) return;
    slot.answer = { ...slot.answer, status };
    this.host.requestUpdate();
    if (status === 'ready') void this.refreshAnswer(answerId).catch(() => {});
  }

  recordRating(rating: Rating): void {
    this.mine.set(rating.answerId, rating);
    this.host.requestUpdate();
    // Rated: colleagues' scores unseal, and audio first lets the video through.
    const { api } = this.ctx();
    void api.ratings(rating.answerId).then(
      (items) => {
        this.all.set(rating.answerId, items);
        this.host.requestUpdate();
      },
      () => {},
    );
    if (!this.details.get(rating.answerId)?.videoUrl)
      void this.refreshAnswer(rating.answerId).catch(() => {});
  }

  /** Answers I can rate, and how many of them I have. */
  progress(): { rated: number; total: number } {
    const answers = this.slots.flatMap((s) =>
      s.answer && s.answer.status !== 'failed' ? [s.answer] : [],
    );
    return { rated: answers.filter((a) => this.mine.has(a.id)).length, total: answers.length };
  }
}
