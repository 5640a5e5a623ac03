import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Interview } from '../../../server/contracts/api.js';
import type { InterviewDraft } from '../api/workspace-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { errorText } from '../shared/error-text.js';
import { fromLocalInput, toLocalInput } from '../shared/format.js';
import { href, navigate } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import { answerFormatStyles, renderAnswerFormat } from './answer-format-field.js';
import { tooManyQuestions } from './interview-advice.js';
import { interviewEditorStyles } from './interview-editor.styles.js';
import './programme-settings.js';
import {
  draftOf,
  moved,
  newQuestionDraft,
  type QuestionDraft,
  toQuestionInput,
} from './question-draft.js';
import { type QuestionHandlers, renderQuestionFields } from './question-fields.js';
import './data-rights-fields.js';
import '../rubric/rubric-section.js';
import { emptyStructure, rubricInput, structureOf } from '../rubric/structure-draft.js';
import { frenchVersionStyles, renderFrenchVersion } from '../shared/french-version.js';
import { setPageTitle } from '../shared/page-title.js';

/**
 * Creates an interview, or edits one (`interviewId` set). Once candidates have started
 * answering, the questions are shown read-only: the server would refuse changes (409).
 */
@localized()
@customElement('ws-interview-editor')
export class InterviewEditor extends LitElement {
  static override styles = [
    baseStyles,
    interviewEditorStyles,
    answerFormatStyles,
    frenchVersionStyles,
  ];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private titleText = '';
  @state() private intro = '';
  /** Issue 21: the title and intro in other languages (the editor writes the French ones). */
  @state() private translations: NonNullable<Interview['translations']> = {};
  @state() private deadline = '';
  @state() private questions: QuestionDraft[] = [newQuestionDraft()];
  @state() private questionsLocked = false;
  /** Issue 9: candidates may answer with sound only (the server's default). */
  @state() private allowAudioOnly = true;
  @state() private structure = emptyStructure();
  @state() private loading = false;
  @state() private saving = false;
  @state() private error = '';
  /** Element to focus after the next render (a moved question's button, a new prompt). */
  private focusAfterRender = '';

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId') && this.interviewId) void this.load();
  }

  private async load() {
    this.loading = true;
    try {
      const [interview, stats] = await Promise.all([
        this.ctx.api.interview(this.interviewId),
        this.ctx.api.interviewStats(this.interviewId),
      ]);
      this.titleText = interview.title;
      this.intro = interview.intro;
      this.translations = interview.translations ?? {};
      this.deadline = toLocalInput(interview.deadline);
      this.questions = interview.questions.map(draftOf);
      this.questionsLocked = stats.questionsLocked;
      this.allowAudioOnly = interview.allowAudioOnly !== false;
      this.structure = structureOf(interview as Interview, this.questions);
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.loading = false;
    }
  }

  private readonly handlers: QuestionHandlers = {
    change: (key, patch) => {
      this.questions = this.questions.map((q) => (q.key === key ? { ...q, ...patch } : q));
    },
    move: (key, by) => {
      const index = this.questions.findIndex((q) => q.key === key);
      this.questions = moved(this.questions, index, by);
      const lands = index + by;
      const atEdge = lands === 0 || lands === this.questions.length - 1;
      // Keep focus on the button pressed, unless it just became disabled at the list's end.
      const pressed = by === -1 ? 'up' : 'down';
      const other = by === -1 ? 'down' : 'up';
      this.focusAfterRender = `#q${key}-${atEdge ? other : pressed}`;
    },
    remove: (key) => {
      this.questions = this.questions.filter((q) => q.key !== key);
      this.focusAfterRender = '#add-question';
    },
  };

  private setFrench(texts: { title?: string; intro?: string }) {
    this.translations = { ...this.translations, fr: { ...this.translations.fr, ...texts } };
  }

  private addQuestion() {
    const question = newQuestionDraft();
    this.questions = [...this.questions, question];
    this.focusAfterRender = `#q${question.key}-prompt`;
  }

  protected override updated(): void {
    setPageTitle(
      this.interviewId
        ? msg('Edit interview', { id: 'ws.editor.editTitle' })
        : msg('New interview', { id: 'ws.editor.newTitle' }),
      this.titleText,
    );
    if (!this.focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = '';
  }

  private draft(): InterviewDraft {
    return {
      title: this.titleText,
      intro: this.intro,
      translations: this.translations,
      deadline: fromLocalInput(this.deadline),
      questions: this.questions.map((q) => ({
        ...toQuestionInput(q),
        ...rubricInput(this.structure, q),
      })),
      competencies: this.structure.competencies,
      review: this.structure.review,
      allowAudioOnly: this.allowAudioOnly,
    } as InterviewDraft;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    if (!(event.target as HTMLFormElement).reportValidity()) return;
    this.saving = true;
    this.error = '';
    try {
      const { api } = this.ctx;
      const { questions, ...draftText } = this.draft();
      const text = {
        ...draftText,
        ...this.renderRoot.querySelector('ws-data-rights-fields')?.values(),
      };
      // Locked questions are not sent at all: only what may still change.
      const saved = this.interviewId
        ? await api.updateInterview(
            this.interviewId,
            { ...text, questions }, // locked ones go back unchanged, with their (editable) rubric
          )
        : await api.createInterview({ ...text, questions });
      navigate(href.interview(saved.id));
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    if (this.loading)
      return html`<p role="status" aria-busy="true">${msg('Loading…', { id: 'ws.loading' })}</p>`;
    const heading = this.interviewId
      ? msg('Edit interview', { id: 'ws.editor.editTitle' })
      : msg('New interview', { id: 'ws.editor.newTitle' });
    return html`
      <h1>${heading}</h1>
      <form @submit=${this.save} novalidate>
        <div class="field">
          <label for="title">${msg('Title', { id: 'ws.editor.title' })}</label>
          <input id="title" type="text" required maxlength="200" .value=${this.titleText}
            @input=${(e: Event) => {
              this.titleText = (e.target as HTMLInputElement).value;
            }} />
          ${renderFrenchVersion({
            id: 'title-fr',
            label: msg('Interview name in French', { id: 'ws.french.title' }),
            value: this.translations.fr?.title ?? '',
            maxlength: 200,
            onInput: (title) => this.setFrench({ title }),
          })}
        </div>
        <div class="field">
          <label for="intro">${msg('Introduction for candidates', { id: 'ws.editor.intro' })}</label>
          <textarea id="intro" rows="4" maxlength="10000" aria-describedby="intro-hint" .value=${this.intro}
            @input=${(e: Event) => {
              this.intro = (e.target as HTMLTextAreaElement).value;
            }}></textarea>
          <p class="hint" id="intro-hint">${msg('Shown before the first question: say who you are, how long it takes, and what happens next.', { id: 'ws.editor.introHint' })}</p>
          ${renderFrenchVersion({
            id: 'intro-fr',
            label: msg('Introduction in French', { id: 'ws.french.intro' }),
            value: this.translations.fr?.intro ?? '',
            maxlength: 10_000,
            multiline: true,
            onInput: (intro) => this.setFrench({ intro }),
          })}
        </div>
        <div class="field">
          <label for="deadline">${msg('Deadline (optional)', { id: 'ws.editor.deadline' })}</label>
          <input id="deadline" type="datetime-local" aria-describedby="deadline-hint" .value=${this.deadline}
            @input=${(e: Event) => {
              this.deadline = (e.target as HTMLInputElement).value;
            }} />
          <p class="hint" id="deadline-hint">${msg('In your time zone. Without a deadline, each link stays open 30 days. Changing it also moves the links already sent.', { id: 'ws.editor.deadlineHint' })}</p>
        </div>
        ${this.renderQuestions()}
        ${renderAnswerFormat(this.allowAudioOnly, (allowed) => {
          this.allowAudioOnly = allowed;
        })}
        <ws-data-rights-fields .ctx=${this.ctx} .interviewId=${this.interviewId}></ws-data-rights-fields>
        <ws-rubric-section .questions=${this.questions} .structure=${this.structure} .onChange=${(
          next: typeof this.structure,
        ) => {
          this.structure = next;
        }}></ws-rubric-section>
        <p class="error" role="alert">${this.error}</p>
        <div class="actions row">
          <button class="primary" type="submit" ?disabled=${this.saving}>
            ${this.saving ? msg('Saving…', { id: 'ws.editor.saving' }) : msg('Save interview', { id: 'ws.editor.save' })}
          </button>
          <a class="button" href=${this.interviewId ? href.interview(this.interviewId) : href.interviews()}>${msg('Cancel', { id: 'ws.editor.cancel' })}</a>
        </div>
      </form>
      <ws-programme-settings .ctx=${this.ctx} .interviewId=${this.interviewId}></ws-programme-settings>
    `;
  }

  private renderQuestions() {
    const count = this.questions.length;
    return html`<fieldset ?disabled=${this.questionsLocked}>
      <legend>${msg('Questions', { id: 'ws.editor.questions' })}</legend>
      ${this.questionsLocked ? html`<p class="locked">${msg('Candidates have started answering, so the questions are locked: changing them would change what earlier answers mean. The title, introduction and deadline can still change.', { id: 'ws.editor.locked' })}</p>` : nothing}
      <p class="hint">${msg('Five questions or fewer keep candidates focused. Default: 45 seconds to think, 2 minutes to answer, one retake.', { id: 'ws.editor.defaultsHint' })}</p>
      ${tooManyQuestions(count) ? html`<p class="hint" role="note"><span aria-hidden="true">ⓘ </span>${msg('More than five questions: consider removing some.', { id: 'ws.editor.tooMany' })}</p>` : nothing}
      <ol class="questions">
        ${repeat(
          this.questions,
          (q) => q.key,
          (q, i) => renderQuestionFields(q, i, count, this.handlers),
        )}
      </ol>
      <button type="button" id="add-question" ?disabled=${count >= 20} @click=${this.addQuestion}>+ ${msg('Add a question', { id: 'ws.editor.add' })}</button>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-interview-editor': InterviewEditor;
  }
}
