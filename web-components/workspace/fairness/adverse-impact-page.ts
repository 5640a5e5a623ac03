import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdverseImpactStage, SelfIdSettings } from '../../../server/contracts/fairness.js';
import { getLocale } from '../../i18n/localization.js';
import { reviewApi } from '../api/review-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { fairnessApi } from './fairness-api.js';
import './impact-chart.js';

function stageTitle(stage: AdverseImpactStage): string {
  switch (stage) {
    case 'completed':
      return msg('Completed the interview', { id: 'ws.fair.stage.completed' });
    case 'advanced':
      return msg('Advanced (of those who completed)', { id: 'ws.fair.stage.advanced' });
    case 'scored-above-median':
      return msg('Scored above the median (of those rated)', { id: 'ws.fair.stage.median' });
  }
}

/**
 * Admins: does each stage of this interview select groups at similar rates? The report per
 * stage and self-identification question, with what a flag means and does not mean, and the
 * switch that offers candidates the voluntary form.
 */
@localized()
@customElement('ws-adverse-impact-page')
export class AdverseImpactPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .explain {
        border-left: 4px solid var(--t-accent);
        padding: 0.3rem 0.8rem;
        background: var(--t-surface);
        max-width: 48rem;
      }
      section.stage {
        margin: 1.5rem 0;
      }
      h3 {
        font-size: 1.05rem;
        margin-top: 1rem;
      }
      label.toggle {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private location = '';
  @state() private formMessage = '';
  private readonly data = new Loader(this, async () => {
    const api = fairnessApi(this.ctx.api);
    const [interview, settings, report] = await Promise.all([
      reviewApi(this.ctx.api).interview(this.interviewId),
      api.selfId(),
      api.adverseImpact(this.interviewId, this.location || undefined),
    ]);
    return { interview, settings, report };
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') || changed.has('location')) void this.data.reload();
  }

  protected override updated(): void {
    setPageTitle(msg('Fairness', { id: 'ws.fair.title' }), this.data.value?.interview.title);
  }

  private labelsOf(settings: SelfIdSettings, key: string): Record<string, string> {
    const lang = getLocale() === 'fr' ? 'fr' : 'en';
    const question = settings.questions.find((q) => q.key === key);
    return Object.fromEntries(question?.options.map((o) => [o.key, o.label[lang]]) ?? []);
  }

  private async toggleForm(settings: SelfIdSettings, enabled: boolean) {
    try {
      await fairnessApi(this.ctx.api).saveSelfId({ ...settings, enabled });
      this.formMessage = enabled
        ? msg('Candidates are now offered the form after they finish.', { id: 'ws.fair.formOn' })
        : msg('Candidates are no longer offered the form.', { id: 'ws.fair.formOff' });
      await this.data.reload();
    } catch (err) {
      this.formMessage = errorText(err);
    }
  }

  override render() {
    return html`<h1>${msg('Fairness', { id: 'ws.fair.title' })}</h1>
      ${this.data.render(({ interview, settings, report }) => {
        const lang = getLocale() === 'fr' ? 'fr' : 'en';
        const locations = interview.public?.locations ?? [];
        return html`
          <p><a href=${href.interview(interview.id)}>${interview.title}</a> ·
            <a href=${href.calibration(interview.id)}>${msg('Reviewer calibration', { id: 'ws.cal.title' })}</a></p>
          <div class="explain">
            <p>${msg('For each stage, the share of each group of candidates who passed it, compared with the group with the highest share. A group is flagged when its share is under four-fifths (80 %) of the highest and Fisher’s exact test says a difference this large is unlikely by chance (p < 0.05).', { id: 'ws.fair.explain' })}</p>
            <p>${msg('A flag is a signal to investigate the stage — the questions, the rubric, the reviewers — not proof of discrimination; no flag is not proof of fairness. With few people, real differences often go unflagged and one person moves the figures a lot. Groups under 5 people are not shown; candidates who declined are never a group. Reference (calibration) answers are left out. See docs/fairness.md.', { id: 'ws.fair.limits' })}</p>
          </div>
          <fieldset>
            <legend>${msg('Voluntary self-identification', { id: 'ws.fair.formTitle' })}</legend>
            <label class="toggle"><input type="checkbox" .checked=${settings.enabled}
              @change=${(e: Event) => this.toggleForm(settings, (e.target as HTMLInputElement).checked)}>
              ${msg('Offer candidates the form after they finish (voluntary, never required)', { id: 'ws.fair.formToggle' })}</label>
            <p>${msg(str`Questions: ${settings.questions.map((q) => q.prompt[lang]).join(' · ')}`, { id: 'ws.fair.formQuestions' })}</p>
            <p role="status">${this.formMessage}</p>
          </fieldset>
          ${
            locations.length
              ? html`<div class="filters"><label>${msg('Location', { id: 'ws.fair.location' })}
                  <select @change=${(e: Event) => {
                    this.location = (e.target as HTMLSelectElement).value;
                  }}>
                    <option value="" ?selected=${this.location === ''}>${msg('All locations', { id: 'ws.fair.allLocations' })}</option>
                    ${locations.map((l) => html`<option value=${l.key} ?selected=${this.location === l.key}>${l.name}</option>`)}
                  </select></label></div>`
              : nothing
          }
          ${report.stages.map(
            (stage) => html`<section class="stage" aria-labelledby="stage-${stage.stage}">
              <h2 id="stage-${stage.stage}">${stageTitle(stage.stage)}</h2>
              ${stage.categories.map((category) => {
                const question = settings.questions.find((q) => q.key === category.key);
                const caption = `${stageTitle(stage.stage)} — ${question?.prompt[lang] ?? category.key}`;
                return html`<h3>${question?.prompt[lang] ?? category.key}</h3>
                  <ws-impact-chart .category=${category} .caption=${caption}
                    .labels=${this.labelsOf(settings, category.key)}></ws-impact-chart>`;
              })}
            </section>`,
          )}`;
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-adverse-impact-page': AdverseImpactPage;
  }
}
