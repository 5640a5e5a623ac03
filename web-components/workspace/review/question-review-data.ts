import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  AnswerForReview,
  Interview,
  InterviewQuestion,
  Rating,
} from '../../../server/contracts/api.js';
import type { ByQuestionItem } from '../../../server/contracts/review.js';
import { type ReviewApi, reviewApi } from '../api/review-api.js';
import { errorText } from '../shared/error-text.js';
import type { WorkspaceContext } from '../workspace-context.js';

/**
 * Every answer to one question, in my own shuffled order (the server's), with each answer's
 * playable links and its ratings (mine, and colleagues' once unsealed), fetched when needed.
 */
export class QuestionReviewData implements ReactiveController {
  interview: Interview | null = null;
  question: InterviewQuestion | null = null;
  items: ByQuestionItem[] = [];
  readonly details = new Map<string, AnswerForReview>();
  readonly ratings = new Map<string, Rating[]>();
  error = '';
  #pending = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ctx: () => WorkspaceContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get api(): ReviewApi {
    return reviewApi(this.ctx().api);
  }

  async load(interviewId: string, questionId: string): Promise<void> {
    try {
      const interview =
        this.interview?.id === interviewId ? this.interview : await this.api.interview(interviewId);
      this.interview = interview;
      this.question = interview.questions.find((q) => q.id === questionId) ?? null;
      this.items = questionId ? await this.api.byQuestion(interviewId, questionId) : [];
      this.error = '';
    } catch (err) {
      this.error = errorText(err);
    }
    this.host.requestUpdate();
  }

  mine(answerId: string): Rating | null {
    const me = this.ctx().user.id;
    return this.ratings.get(answerId)?.find((r) => r.reviewer.id === me) ?? null;
  }

  /** The links (and, with them, whether the video is still held back) and the ratings. */
  ensure(item: ByQuestionItem | undefined, withRatings: boolean): void {
    if (item?.status !== 'ready') return;
    const id = item.answerId;
    if (!this.details.has(id)) this.#once(`d${id}`, () => this.refreshAnswer(id));
    if (withRatings && !this.ratings.has(id)) this.#once(`r${id}`, () => this.refreshRatings(id));
  }

  #once(key: string, work: () => Promise<unknown>) {
    if (this.#pending.has(key)) return;
    this.#pending.add(key);
    void work()
      .catch(() => {})
      .finally(() => this.#pending.delete(key));
  }

  async refreshAnswer(answerId: string): Promise<AnswerForReview> {
    const detail = await this.api.answer(answerId);
    this.details.set(answerId, detail);
    this.host.requestUpdate();
    return detail;
  }

  async refreshRatings(answerId: string): Promise<void> {
    this.ratings.set(answerId, await this.api.ratings(answerId));
    this.host.requestUpdate();
  }

  /** Rated: colleagues' scores unseal and, audio first, the video is now allowed. */
  recordRating(rating: Rating): void {
    const others = (this.ratings.get(rating.answerId) ?? []).filter(
      (r) => r.reviewer.id !== rating.reviewer.id,
    );
    this.ratings.set(rating.answerId, [...others, rating]);
    const item = this.items.find((i) => i.answerId === rating.answerId);
    if (item) item.myScore = rating.score;
    const detail = this.details.get(rating.answerId);
    if (detail && !detail.videoUrl) void this.refreshAnswer(rating.answerId).catch(() => {});
    void this.refreshRatings(rating.answerId).catch(() => {});
    this.host.requestUpdate();
  }

  /**
   * Where to go once every answer to this question has my score: the next question (after this
   * one, then from the first) with an answer still waiting for me, or null when none is.
   */
  async nextWaitingQuestion(): Promise<InterviewQuestion | null> {
    const { interview, question } = this;
    if (!interview || !question) return null;
    const at = interview.questions.indexOf(question);
    const others = [...interview.questions.slice(at + 1), ...interview.questions.slice(0, at)];
    for (const other of others) {
      const items = await this.api.byQuestion(interview.id, other.id);
      if (items.some((i) => i.myScore === null && i.status !== 'failed')) return other;
    }
    return null;
  }

  progress(): { rated: number; total: number } {
    const rateable = this.items.filter((i) => i.status !== 'failed');
    return { rated: rateable.filter((i) => i.myScore !== null).length, total: rateable.length };
  }
}
