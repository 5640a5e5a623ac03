/**
 * Issue 19: the membership rule sits on every list, so the review benches run with something
 * for it to filter: 50 interviews in all and 40 staff, each a member of some of them.
 */
import type { Db } from '../../server/db/database.js';
import { newId } from '../../server/ids.js';

export async function addTeamNoise(
  db: Db,
  creatorId: string,
  options: { interviews?: number; staff?: number } = {},
): Promise<void> {
  const now = new Date().toISOString();
  const interviewIds = Array.from({ length: (options.interviews ?? 50) - 1 }, () => newId());
  await db
    .insertInto('interviews')
    .values(
      interviewIds.map((id, i) => ({
        id,
        title: `Other city ${i + 1}`,
        intro: '',
        deadline: null,
        createdBy: creatorId,
        createdAt: now,
      })),
    )
    .execute();
  await db
    .insertInto('questions')
    .values(
      interviewIds.map((interviewId) => ({
        id: newId(),
        interviewId,
        position: 0,
        prompt: 'Tell us',
        thinkSeconds: 30,
        maxSeconds: 60,
        retakes: 0,
      })),
    )
    .execute();
  const staff = Array.from({ length: options.staff ?? 40 }, (_, i) => ({
    id: newId(),
    email: `noise-${i}-${newId()}@example.test`,
    name: `Staff ${i + 1}`,
    role: i % 4 === 0 ? ('recruiter' as const) : ('reviewer' as const),
    passwordHash: 'x',
    createdAt: now,
  }));
  await db.insertInto('users').values(staff).execute();
  // Each is a member of ten of the other interviews (a city's worth).
  await db
    .insertInto('interviewMembers')
    .values(
      staff.flatMap((user, i) =>
        Array.from({ length: 10 }, (_, k) => ({
          interviewId: interviewIds[(i * 7 + k) % interviewIds.length]!,
          userId: user.id,
          role: user.role,
          createdAt: now,
        })),
      ),
    )
    .execute();
}
