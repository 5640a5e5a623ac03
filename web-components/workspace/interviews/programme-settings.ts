import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { programmeSettings, saveProgrammeSettings } from '../api/programme-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { copyText } from '../shared/clipboard.js';
import { errorText } from '../shared/error-text.js';
import { forScreenReaders } from '../shared/for-screen-readers.js';
import { frenchVersionStyles, renderFrenchVersion } from '../shared/french-version.js';
import type { WorkspaceContext } from '../workspace-context.js';
import {
  draftOf,
  type LocationDraft,
  newLocation,
  newQuestion,
  type ProgrammeDraft,
  type QuestionDraft,
  SLUG,
  toSettings,
} from './programme-draft.js';

/**
 * The public apply link of an interview: on or off, its address, the locations each with its
 * closing date, and the eligibility questions. Saved on its own (PATCH `public`), so it needs
 * an interview that exists.
 */
@localized()
@customElement('ws-programme-settings')
export class ProgrammeSettingsForm extends LitElement {
  static override styles = [
    baseStyles,
    frenchVersionStyles,
    css`
      :host {
        display: block;
        margin-top: 2rem;
      }
      input[type='text'] {
        width: 100%;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
        display: grid;
        gap: 0.75rem;
      }
      li.card {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 0.75rem;
        align-items: end;
      }
      li.card > details.french-version {
        grid-column: 1 / -1;
        margin-top: 0.5rem;
      }
      .link input {
        flex: 1 1 16rem;
      }
      label.check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-bottom: 0.75rem;
      }
      label.check input {
        min-height: auto;
        width: 1.25rem;
        height: 1.25rem;
        flex: none;
      }
      li.card .field button {
        align-self: flex-start;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private draft: ProgrammeDraft | null = null;
  /** The link as saved: what candidates can open now. */
  @state() private savedSlug = '';
  @state() private savedEnabled = false;
  @state() private saving = false;
  @state() private message = '';
  @state() private error = '';
  private focusAfterRender = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') && this.interviewId) void this.load();
  }

  private async load() {
    try {
      const { title, settings } = await programmeSettings(this.ctx.api, this.interviewId);
      this.draft = draftOf(settings, title);
      this.savedSlug = settings?.slug ?? '';
      this.savedEnabled = settings?.enabled ?? false;
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private change(patch: Partial<ProgrammeDraft>) {
    this.draft = { ...this.draft!, ...patch };
    this.message = '';
  }

  private changeLocation(row: number, patch: Partial<LocationDraft>) {
    this.change({
      locations: this.draft!.locations.map((l) => (l.row === row ? { ...l, ...patch } : l)),
    });
  }

  private changeQuestion(row: number, patch: Partial<QuestionDraft>) {
    this.change({
      eligibility: this.draft!.eligibility.map((q) => (q.row === row ? { ...q, ...patch } : q)),
    });
  }

  protected override updated(): void {
    if (!this.focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = '';
  }

  get publicLink(): string {
    return `${location.origin}/apply/${this.savedSlug}`;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    this.error = '';
    if (!(event.target as HTMLFormElement).reportValidity()) return;
    const draft = this.draft!;
    if (draft.enabled && draft.locations.length === 0) {
      this.error = msg('Add at least one location before opening the link.', {
        id: 'ws.prog.needLocation',
      });
      return;
    }
    this.saving = true;
    try {
      const settings = toSettings(draft);
      await saveProgrammeSettings(this.ctx.api, this.interviewId, settings);
      this.draft = draftOf(settings, '');
      this.savedSlug = settings.slug;
      this.savedEnabled = settings.enabled;
      this.message = settings.enabled
        ? msg('Saved. The public link is open.', { id: 'ws.prog.savedOpen' })
        : msg('Saved. The public link is closed.', { id: 'ws.prog.savedClosed' });
    } catch (err) {
      this.error =
        (err as { code?: string }).code === 'slug_taken'
          ? msg('Another interview already uses this address. Choose another one.', {
              id: 'ws.prog.slugTaken',
            })
          : errorText(err);
    } finally {
      this.saving = false;
    }
  }

  private async copyLink() {
    const field = this.renderRoot.querySelector<HTMLInputElement>('#public-link');
    this.message = (await copyText(this.publicLink, field))
      ? msg('Link copied.', { id: 'ws.prog.copied' })
      : msg('Copying is blocked here: select the link and copy it yourself.', {
          id: 'ws.prog.copyFailed',
        });
  }

  override render() {
    const heading = html`<h2 id="programme-title">${msg('Public applications', { id: 'ws.prog.title' })}</h2>`;
    if (!this.interviewId) {
      return html`<section aria-labelledby="programme-title">${heading}
        <p class="hint">${msg('Save the interview first; then you can open it to applicants through a public link.', { id: 'ws.prog.saveFirst' })}</p></section>`;
    }
    if (!this.draft) {
      return html`<section aria-labelledby="programme-title">${heading}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`}</section>`;
    }
    const d = this.draft;
    return html`<section aria-labelledby="programme-title">${heading}
      <p class="hint">${msg('People apply through one link: they choose a location, answer the eligibility questions and receive their own interview link. No account or CV is needed.', { id: 'ws.prog.explain' })}</p>
      <form novalidate @submit=${this.save}>
        <label class="check"><input type="checkbox" id="enabled" .checked=${d.enabled}
          @change=${(e: Event) => this.change({ enabled: (e.target as HTMLInputElement).checked })} />
          ${msg('Accept applications through a public link', { id: 'ws.prog.enabled' })}</label>
        <div class="field">
          <label for="slug">${msg('Link address', { id: 'ws.prog.slug' })}</label>
          <input id="slug" type="text" required pattern="[a-z0-9\\-]{3,60}" minlength="3" maxlength="60"
            spellcheck="false" autocomplete="off" aria-describedby="slug-hint" .value=${d.slug}
            @input=${(e: Event) => this.change({ slug: (e.target as HTMLInputElement).value.toLowerCase() })} />
          <p class="hint" id="slug-hint">${msg(str`3 to 60 lowercase letters, digits or hyphens. The link will be ${location.origin}/apply/${d.slug || '…'}`, { id: 'ws.prog.slugHint' })}</p>
        </div>
        ${this.renderLink()} ${this.renderLocations(d)} ${this.renderQuestions(d)}
        <div class="field">
          <label for="consent-text">${msg('Privacy notice shown to applicants', { id: 'ws.prog.consent' })}</label>
          <textarea id="consent-text" rows="4" maxlength="5000" aria-describedby="consent-hint" .value=${d.consentText}
            @input=${(e: Event) => this.change({ consentText: (e.target as HTMLTextAreaElement).value })}></textarea>
          <p class="hint" id="consent-hint">${msg('Who sees their answers, for how long they are kept, how to ask for them to be erased. Left empty, a standard notice is shown.', { id: 'ws.prog.consentHint' })}</p>
        </div>
        <p class="error" role="alert">${this.error}</p>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this.saving}>
            ${this.saving ? msg('Saving…', { id: 'ws.prog.saving' }) : msg('Save public applications', { id: 'ws.prog.save' })}
          </button>
          <span role="status">${this.message}</span>
        </div>
      </form>
    </section>`;
  }

  private renderLink() {
    if (!this.savedEnabled || !SLUG.test(this.savedSlug)) {
      return html`<p class="hint">${msg('The link is closed: nobody can apply.', { id: 'ws.prog.closed' })}</p>`;
    }
    return html`<div class="field">
      <label for="public-link">${msg('Public link (open)', { id: 'ws.prog.link' })}</label>
      <div class="row link">
        <input id="public-link" type="text" readonly .value=${this.publicLink}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copyLink}>${msg('Copy link', { id: 'ws.prog.copy' })}</button>
      </div>
    </div>`;
  }

  private renderLocations(d: ProgrammeDraft) {
    return html`<fieldset>
      <legend>${msg('Locations and closing dates', { id: 'ws.prog.locations' })}</legend>
      <p class="hint">${msg('Each location closes at its own date and time (in your time zone). Candidates see each date in theirs.', { id: 'ws.prog.locationsHint' })}</p>
      <ol>${repeat(
        d.locations,
        (l) => l.row,
        (l, i) => html`<li class="card">
          <div class="field">
            <label for="loc${l.row}-name">${msg(str`Location ${i + 1}`, { id: 'ws.prog.locationName' })}</label>
            <input id="loc${l.row}-name" type="text" required maxlength="200" .value=${l.name}
              @input=${(e: Event) => this.changeLocation(l.row, { name: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="loc${l.row}-deadline">${msg('Applications close', { id: 'ws.prog.deadline' })}${forScreenReaders(msg(str`Location ${i + 1}`, { id: 'ws.prog.locationName' }))}</label>
            <input id="loc${l.row}-deadline" type="datetime-local" required .value=${l.deadline}
              @input=${(e: Event) => this.changeLocation(l.row, { deadline: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field"><button type="button" @click=${() => {
            this.change({ locations: d.locations.filter((x) => x.row !== l.row) });
            this.focusAfterRender = '#add-location';
          }} aria-label=${msg(str`Remove location ${i + 1} ${l.name}`, { id: 'ws.prog.removeLocation' })}>${msg('Remove', { id: 'ws.prog.remove' })}</button></div>
        </li>`,
      )}</ol>
      <button type="button" id="add-location" ?disabled=${d.locations.length >= 50} @click=${() => {
        const added = newLocation();
        this.change({ locations: [...d.locations, added] });
        this.focusAfterRender = `#loc${added.row}-name`;
      }}>+ ${msg('Add a location', { id: 'ws.prog.addLocation' })}</button>
    </fieldset>`;
  }

  private renderQuestions(d: ProgrammeDraft) {
    return html`<fieldset>
      <legend>${msg('Eligibility questions', { id: 'ws.prog.questions' })}</legend>
      <p class="hint">${msg('Yes/no questions such as "Do you have the right to work in France?". Anyone whose answer differs from the one needed is told kindly, and nothing about them is kept.', { id: 'ws.prog.questionsHint' })}</p>
      <ol>${repeat(
        d.eligibility,
        (q) => q.row,
        (q, i) => html`<li class="card">
          <div class="field">
            <label for="q${q.row}-prompt">${msg(str`Question ${i + 1}`, { id: 'ws.prog.question' })}</label>
            <input id="q${q.row}-prompt" type="text" required maxlength="500" .value=${q.prompt}
              @input=${(e: Event) => this.changeQuestion(q.row, { prompt: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="q${q.row}-answer">${msg('Answer needed to apply', { id: 'ws.prog.required' })}${forScreenReaders(msg(str`eligibility question ${i + 1}`, { id: 'ws.prog.ofQuestion' }))}</label>
            <select id="q${q.row}-answer" @change=${(e: Event) => this.changeQuestion(q.row, { requiredAnswer: (e.target as HTMLSelectElement).value === 'yes' })}>
              <option value="yes" ?selected=${q.requiredAnswer}>${msg('Yes', { id: 'ws.prog.yes' })}</option>
              <option value="no" ?selected=${!q.requiredAnswer}>${msg('No', { id: 'ws.prog.no' })}</option>
            </select>
          </div>
          <div class="field"><button type="button" @click=${() => {
            this.change({ eligibility: d.eligibility.filter((x) => x.row !== q.row) });
            this.focusAfterRender = '#add-question';
          }} aria-label=${msg(str`Remove eligibility question ${i + 1}`, { id: 'ws.prog.removeQuestion' })}>${msg('Remove', { id: 'ws.prog.remove' })}</button></div>
          ${renderFrenchVersion({
            id: `q${q.row}-prompt-fr`,
            label: msg(str`Eligibility question ${i + 1} in French`, {
              id: 'ws.french.eligibility',
            }),
            value: q.translations?.fr?.prompt ?? '',
            maxlength: 500,
            onInput: (prompt) =>
              this.changeQuestion(q.row, {
                translations: { ...q.translations, fr: { ...q.translations?.fr, prompt } },
              }),
          })}
        </li>`,
      )}</ol>
      ${d.eligibility.length === 0 ? html`<p class="hint">${msg('No questions: anyone may apply.', { id: 'ws.prog.noQuestions' })}</p>` : nothing}
      <button type="button" id="add-question" ?disabled=${d.eligibility.length >= 20} @click=${() => {
        const added = newQuestion();
        this.change({ eligibility: [...d.eligibility, added] });
        this.focusAfterRender = `#q${added.row}-prompt`;
      }}>+ ${msg('Add an eligibility question', { id: 'ws.prog.addQuestion' })}</button>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-programme-settings': ProgrammeSettingsForm;
  }
}
