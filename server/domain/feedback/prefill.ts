/**
 * The draft of a candidate's feedback, prefilled per competency from the rubric: the anchor
 * sentences (of the questions measuring that competency) for the candidate's rounded mean score.
 */
export interface RubricCompetency {
  key: string;
  name: string;
}

export interface RubricQuestion {
  id: string;
  competency: string | null;
  anchors: Partial<Record<'1' | '2' | '3' | '4' | '5', string>>;
}

export function prefillCompetencies(
  competencies: RubricCompetency[],
  questions: RubricQuestion[],
  /** Every score given to the latest submitted take of each question, by question id. */
  scoresByQuestion: Map<string, number[]>,
): { key: string; name: string; text: string }[] {
  return competencies.map((competency) => {
    const measuring = questions.filter((q) => q.competency === competency.key);
    const scores = measuring.flatMap((q) => scoresByQuestion.get(q.id) ?? []);
    if (scores.length === 0) return { key: competency.key, name: competency.name, text: '' };
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    // Half-way rounds up (3.5 → 4), as people round; clamped to the 1–5 scale.
    const level = String(Math.min(5, Math.max(1, Math.round(mean)))) as '1';
    const sentences = [
      ...new Set(measuring.map((q) => q.anchors[level]?.trim()).filter((s): s is string => !!s)),
    ];
    return { key: competency.key, name: competency.name, text: sentences.join(' ') };
  });
}
