import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Interview, InterviewQuestion } from '../../../server/contracts/api.js';

/**
 * What a reviewer reads before scoring, the same in both review orders: the question, the
 * competency it measures and what to look for. (The anchored scale is in the rating form.)
 */
export function questionBrief(options: {
  heading: string;
  question: InterviewQuestion;
  interview: Pick<Interview, 'competencies'>;
  /** Shown under the prompt, e.g. the answer's status. */
  extra?: unknown;
}): TemplateResult {
  const { question, interview } = options;
  const competency = interview.competencies?.find((c) => c.key === question.competency);
  return html`<section class="question" aria-labelledby="question-title">
    <h2 id="question-title">${options.heading}</h2>
    <p class="prompt">${question.prompt}</p>
    ${options.extra ?? nothing}
    ${competency ? html`<p class="competency"><strong>${msg('Competency:', { id: 'ws.byq.competency' })}</strong> ${competency.name}${competency.description ? html` · ${competency.description}` : nothing}</p>` : nothing}
    ${question.guidance ? html`<h3>${msg('What to look for', { id: 'ws.byq.guidance' })}</h3><p class="guidance">${question.guidance}</p>` : nothing}
  </section>`;
}

export const questionBriefStyles = css`
  .guidance {
    white-space: pre-line;
  }
  .competency {
    margin: 0.25rem 0;
  }
  .question h3 {
    font-size: 1rem;
    margin: 0.75rem 0 0.25rem;
  }
`;
