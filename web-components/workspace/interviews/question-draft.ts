import type { InterviewQuestion, Question } from '../../../server/contracts/api.js';
import { QUESTION_DEFAULTS } from './interview-advice.js';

/** A question as the editor holds it: a stable key for rendering, the id once saved. */
export interface QuestionDraft {
  key: number;
  id?: string;
  prompt: string;
  thinkSeconds: number;
  maxSeconds: number;
  retakes: number;
  /** Issue 21: the prompt (and anchors) in other languages, sent back as loaded and edited. */
  translations?: InterviewQuestion['translations'];
}

let nextKey = 1;

export function newQuestionDraft(): QuestionDraft {
  return { key: nextKey++, prompt: '', ...QUESTION_DEFAULTS };
}

export function draftOf(question: Question): QuestionDraft {
  const { position: _, ...rest } = question;
  return { key: nextKey++, ...rest };
}

/** Moves the item at `from` by `by` places; the list is copied, never changed in place. */
export function moved<T>(items: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** The question with its French prompt set (the other translations kept). */
export function withFrenchPrompt(question: QuestionDraft, prompt: string): Partial<QuestionDraft> {
  const translations = question.translations ?? {};
  return { translations: { ...translations, fr: { ...translations.fr, prompt } } };
}

/** What the API receives: no editor keys. */
export function toQuestionInput({ key: _, ...question }: QuestionDraft) {
  return question;
}
