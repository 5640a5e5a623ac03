import type { CandidateSession } from '../../server/contracts/api.js';
import type { QuestionProgress } from './session-progress.js';

/**
 * The session with the organisers' texts (title, introduction, prompts) of `fresh`, fetched in
 * another language (issue 21); everything else (answers, progress) stays as the page holds it.
 */
export function withTextsOf(session: CandidateSession, fresh: CandidateSession): CandidateSession {
  const prompts = new Map(fresh.interview.questions.map((q) => [q.id, q.prompt]));
  return {
    ...session,
    interview: {
      ...session.interview,
      title: fresh.interview.title,
      intro: fresh.interview.intro,
      questions: session.interview.questions.map((q) => ({
        ...q,
        prompt: prompts.get(q.id) ?? q.prompt,
      })),
    },
  };
}

/** The language the session's texts were read in: the one asked for, else the invitation's. */
export function textsLanguage(session: CandidateSession, asked: string | undefined): string {
  return asked ?? session.invitation.language ?? 'en';
}

/** The progress with each question as `session` now words it: the question step reads it there. */
export function withQuestionsOf(
  progress: QuestionProgress[],
  session: CandidateSession,
): QuestionProgress[] {
  const byId = new Map(session.interview.questions.map((q) => [q.id, q]));
  return progress.map((p) => ({ ...p, question: byId.get(p.question.id) ?? p.question }));
}
