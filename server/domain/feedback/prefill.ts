/**
 * The draft of a candidate's feedback, prefilled per competency from the rubric: the anchor
 * sentences (of the questions measuring that competency) for the candidate's rounded mean score.
 *
 * The draft goes out unchanged unless the recruiter edits it, so it speaks to the candidate, in
 * the language of their invitation. The anchors describe an answer in the third person ("Gives a
 * concrete example…") and may be in another language, so they are not reworded: a sentence
 * addressed to the candidate quotes them as the assessment guide's words. Reviewers' comments
 * (what each of them noticed) never go into the draft; only the recruiter can write them in.
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

export type FeedbackLanguage = 'en' | 'fr';

const NBSP = '\u00a0';

/** The candidate-facing words around the quoted anchors, per invitation language. */
const WORDING: Record<
  FeedbackLanguage,
  { one: string; many: string; quote: (anchor: string) => string }
> = {
  en: {
    one: 'Your answers came closest to this description in our assessment guide:',
    many: 'Your answers came closest to these descriptions in our assessment guide:',
    quote: (anchor) => `“${anchor}”`,
  },
  fr: {
    one: `Vos réponses se rapprochent le plus de cette description de notre grille d’évaluation${NBSP}:`,
    many: `Vos réponses se rapprochent le plus de ces descriptions de notre grille d’évaluation${NBSP}:`,
    quote: (anchor) => `«${NBSP}${anchor}${NBSP}»`,
  },
};

/** The draft text for one competency: empty when no anchor matches the level. */
export function draftText(anchors: string[], language: FeedbackLanguage): string {
  if (anchors.length === 0) return '';
  const words = WORDING[language] ?? WORDING.en;
  return [anchors.length === 1 ? words.one : words.many, ...anchors.map(words.quote)].join('\n');
}

export function prefillCompetencies(
  competencies: RubricCompetency[],
  questions: RubricQuestion[],
  /** Every score given to the latest submitted take of each question, by question id. */
  scoresByQuestion: Map<string, number[]>,
  /** The invitation's language: the candidate reads the feedback in it. */
  language: FeedbackLanguage,
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
    return { key: competency.key, name: competency.name, text: draftText(sentences, language) };
  });
}
