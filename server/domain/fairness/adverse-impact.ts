import {
  ADVERSE_IMPACT_STAGES,
  type AdverseImpactCategory,
  type AdverseImpactReport,
  type AdverseImpactStage,
  MIN_GROUP_SIZE,
  type SelfIdSettings,
} from '../../contracts/fairness.js';
import type { ResultItem } from '../../contracts/review.js';
import type { Deps } from '../../deps.js';
import { interviewResults } from '../review/results.js';
import { answersOf, selfIdSettings } from './self-id.js';
import { compareWithReference, rate, round4, type Tally } from './statistics.js';

/** One candidate as the report sees them: where they got to, and what they self-identified. */
interface Person {
  completed: boolean;
  advanced: boolean;
  /** Overall mean of their ratings; null when unrated or not completed. */
  mean: number | null;
  answers: Record<string, string>;
}

/**
 * The adverse-impact report of an interview (optionally one location), per stage and
 * self-identification question: each group's selection rate, and each group against the
 * highest-rate group by impact ratio, pooled z-test and Fisher's exact test (docs/fairness.md).
 * Reference invitations never count (results already leave them out).
 */
export async function adverseImpact(
  deps: Deps,
  interviewId: string,
  location: string | undefined,
): Promise<AdverseImpactReport> {
  const results = await interviewResults(deps, interviewId);
  let ids = results.map((r) => r.invitationId);
  if (location !== undefined) {
    const here = await deps.db
      .selectFrom('invitations')
      .select('id')
      .where('interviewId', '=', interviewId)
      .where('locationKey', '=', location)
      .execute();
    const inLocation = new Set(here.map((r) => r.id));
    ids = ids.filter((id) => inLocation.has(id));
  }
  const [settings, answers] = await Promise.all([selfIdSettings(deps.db), answersOf(deps.db, ids)]);
  const byId = new Map(results.map((r) => [r.invitationId, r]));
  const people = ids.map((id) => personOf(byId.get(id)!, answers.get(id) ?? {}));
  return {
    stages: ADVERSE_IMPACT_STAGES.map((stage) => ({
      stage,
      categories: settings.questions.map((q) => categoryAt(stage, q, people)),
    })),
  };
}

function personOf(result: ResultItem, answers: Record<string, string>): Person {
  const completed = result.status === 'completed';
  return {
    completed,
    advanced: completed && result.decision?.outcome === 'advance',
    mean: completed ? result.overall.mean : null,
    answers,
  };
}

/** Who is counted at a stage (n), and who of them passed it (selected). */
function stageTest(
  stage: AdverseImpactStage,
  people: Person[],
): { counted: (p: Person) => boolean; selected: (p: Person) => boolean } {
  if (stage === 'completed') return { counted: () => true, selected: (p) => p.completed };
  if (stage === 'advanced') return { counted: (p) => p.completed, selected: (p) => p.advanced };
  const median = medianOf(people.flatMap((p) => (p.mean === null ? [] : [p.mean])));
  return {
    counted: (p) => p.mean !== null,
    selected: (p) => p.mean !== null && median !== null && p.mean > median,
  };
}

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function categoryAt(
  stage: AdverseImpactStage,
  question: SelfIdSettings['questions'][number],
  people: Person[],
): AdverseImpactCategory {
  const { counted, selected } = stageTest(stage, people);
  const tallies = new Map<string, Tally>(
    question.options.map((o) => [o.key, { n: 0, selected: 0 }]),
  );
  for (const person of people) {
    // Declined, unanswered or an option since removed: not a group.
    const tally = tallies.get(person.answers[question.key] ?? '');
    if (!tally || !counted(person)) continue;
    tally.n += 1;
    if (selected(person)) tally.selected += 1;
  }
  const shown = [...tallies].filter(([, t]) => t.n >= MIN_GROUP_SIZE);
  const suppressed = [...tallies].filter(([, t]) => t.n < MIN_GROUP_SIZE).map(([o]) => o);
  // The highest rate; on a tie the option listed first in the form.
  const reference = shown.reduce<[string, Tally] | null>(
    (best, entry) => (best === null || rate(entry[1]) > rate(best[1]) ? entry : best),
    null,
  );
  return {
    key: question.key,
    groups: shown.map(([option, t]) => ({
      option,
      n: t.n,
      selected: t.selected,
      rate: round4(rate(t)),
    })),
    referenceOption: reference?.[0] ?? null,
    comparisons: shown
      .filter(([option]) => option !== reference?.[0])
      .map(([option, t]) => {
        const c = compareWithReference(t, reference![1]);
        return {
          option,
          impactRatio: round4(c.impactRatio),
          z: round4(c.z),
          pTwoSided: round4(c.pTwoSided),
          pFisher: round4(c.pFisher),
          flagged: c.flagged,
        };
      }),
    suppressed,
  };
}
