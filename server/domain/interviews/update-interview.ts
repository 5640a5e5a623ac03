import type { Interview } from '../../contracts/api.js';
import type { InterviewChanges } from '../../contracts/edit-requests.js';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { followDeadline, type StatusChange } from '../invitations/follow-deadline.js';
import { saveProgramme } from '../programmes/programme-settings.js';
import { saveRubricChanges } from '../review/interview-rubric.js';
import { getInterview } from './interviews.js';
import {
  checkQuestionIds,
  isForeignKeyViolation,
  questionsLockedError,
  replaceQuestions,
  sameQuestions,
} from './replace-questions.js';

/**
 * Edits an interview. Title, introduction and deadline may change at any time. The questions
 * may change (text, timings, order, additions, removals) only until the first candidate starts
 * an answer: after that an answer must keep meaning the question it answered, so a change is
 * refused with 409 `questions_locked` — unless the list sent is the current one unchanged.
 */
export async function updateInterview(
  deps: Deps,
  interviewId: string,
  changes: InterviewChanges,
  /** Runs last inside the write's transaction with the interview as saved (the audit entry). */
  alsoInTransaction?: (trx: Db, saved: Interview) => Promise<void>,
): Promise<Interview> {
  const current = await getInterview(deps.db, interviewId);
  const {
    questions,
    deadline,
    competencies,
    review,
    public: programme,
    allowAudioOnly,
    translations,
    ...text
  } = changes;
  const newDeadline = deadline === undefined ? current.deadline : toIsoOrNull(deadline);
  if (questions) checkQuestionIds(current.questions, questions);
  const questionsChange = questions && !sameQuestions(current.questions, questions);

  let statusChanges: StatusChange[] = [];
  try {
    statusChanges = await deps.db.transaction().execute(async (trx) => {
      const fields = {
        ...text,
        ...(deadline !== undefined ? { deadline: newDeadline } : {}),
        ...(translations !== undefined ? { translations: JSON.stringify(translations) } : {}),
        // Stored as 1/0: neither database driver binds a boolean to this integer column.
        ...(allowAudioOnly !== undefined ? { allowAudioOnly: allowAudioOnly ? 1 : 0 } : {}),
      };
      if (Object.keys(fields).length > 0) {
        await trx.updateTable('interviews').set(fields).where('id', '=', interviewId).execute();
      }
      if (questionsChange) await replaceQuestions(trx, interviewId, questions);
      await saveRubricChanges(trx, interviewId, current, { competencies, review, questions });
      if (programme) await saveProgramme(trx, interviewId, programme);
      // A city's deadline moves its invitations too (issue 21), not only the interview's.
      const followed =
        newDeadline === current.deadline && !programme
          ? []
          : await followDeadline(trx, interviewId, current.deadline, newDeadline, deps.now());
      if (alsoInTransaction) await alsoInTransaction(trx, await getInterview(trx, interviewId));
      return followed;
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw questionsLockedError();
    throw err;
  }
  for (const change of statusChanges) deps.events.publish('invitation-status', change);
  return getInterview(deps.db, interviewId);
}

function toIsoOrNull(deadline: string | null): string | null {
  return deadline === null ? null : new Date(deadline).toISOString();
}
