import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CandidateSession } from '../../../server/contracts/api.js';
import { emit } from '../events.js';
import { blindReviewNote } from './blind-review-note.js';
import './extra-time-option.js';
import { dateTime } from '../format.js';
import { answerTime, questionCount, retakeCount, thinkTime } from '../messages.js';
import { sharedStyles } from '../shared.styles.js';
import { welcomeStyles } from './welcome-step.styles.js';

/**
 * The first screen: what the interview is, what to expect, and consent to being recorded, all
 * before the browser is asked for the camera. A returning candidate only confirms to go on.
 */
@customElement('welcome-step')
@localized()
export class WelcomeStep extends LitElement {
  static override styles = [sharedStyles, welcomeStyles];

  @property({ attribute: false }) session!: CandidateSession;
  /** Questions already answered: more than zero means the candidate is coming back. */
  @property({ type: Number }) answered = 0;
  /** Of those, answers stopped on this device that are still uploading from it. */
  @property({ type: Number }) uploading = 0;
  @property({ type: Boolean }) returning = false;
  @state() private consented = false;
  @state() private showConsentError = false;
  @query('h2') private heading!: HTMLElement;
  @query('#consent') private consentBox!: HTMLInputElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  private continue(): void {
    if (!this.returning && !this.consented) {
      this.showConsentError = true;
      this.consentBox.focus();
      return;
    }
    emit(this, 'welcome-accepted', {});
  }

  private expectations() {
    const { questions } = this.session.interview;
    return html`
      <h3>${msg('What to expect', { id: 'cand.welcome.expect' })}</h3>
      <p>
        ${msg(str`${questionCount(questions.length)}, one after the other:`, {
          id: 'cand.welcome.count',
        })}
      </p>
      <ol>
        ${questions.map(
          (q) => html`<li>
            ${thinkTime(q.thinkSeconds)}, ${answerTime(q.maxSeconds)}, ${retakeCount(q.retakes)}
          </li>`,
        )}
      </ol>
      <ul>
        <li>
          ${msg(
            'You will see each question only when you start it. You can start recording before the thinking time ends.',
            { id: 'cand.welcome.reveal' },
          )}
        </li>
        <li>
          ${msg('A practice question comes first. It is never sent to anyone.', {
            id: 'cand.welcome.practice',
          })}
        </li>
        <li>
          ${msg(
            'Your answers upload while you record. If the connection drops, they are kept on this device and sent when it returns.',
            { id: 'cand.welcome.safety' },
          )}
        </li>
        ${this.deadline()}
      </ul>
    `;
  }

  private deadline() {
    const closes = this.session.interview.deadline ?? this.session.invitation?.expiresAt;
    if (!closes) return null;
    return html`<li>
      <strong>${msg(str`Please finish by ${dateTime(closes)}.`, { id: 'cand.welcome.deadline' })}</strong>
    </li>`;
  }

  private consent() {
    return html`
      <fieldset>
        <legend>${msg('Your consent', { id: 'cand.consent.legend' })}</legend>
        <p id="consent-use">
          ${msg(
            'Your answers are recorded as video with sound and sent to the organisation that invited you. Only the people assessing your application watch and rate them.',
            { id: 'cand.consent.use' },
          )}
        </p>
        <label class="consent">
          <input
            id="consent"
            type="checkbox"
            .checked=${this.consented}
            aria-describedby="consent-use ${this.showConsentError ? 'consent-error' : ''}"
            aria-invalid=${this.showConsentError && !this.consented ? 'true' : 'false'}
            @change=${(e: Event) => {
              this.consented = (e.target as HTMLInputElement).checked;
              if (this.consented) this.showConsentError = false;
            }}
          />
          <span>${msg('I agree to be recorded and to my recordings being used this way.', { id: 'cand.consent.agree' })}</span>
        </label>
        ${
          this.showConsentError
            ? html`<p id="consent-error" class="error">
              ${msg('Please tick the box to continue, or close this page if you do not agree.', {
                id: 'cand.consent.required',
              })}
            </p>`
            : null
        }
      </fieldset>
    `;
  }

  private uploadingNote() {
    if (this.uploading === 0) return null;
    return html`<p>
      ${
        this.uploading === 1
          ? msg('One of them was kept on this device and is uploading now.', {
              id: 'cand.welcome.uploading-one',
            })
          : msg(str`${this.uploading} of them were kept on this device and are uploading now.`, {
              id: 'cand.welcome.uploading-other',
            })
      }
    </p>`;
  }

  override render() {
    const { candidate, interview } = this.session;
    const total = interview.questions.length;
    if (this.returning) {
      return html`
        <h2 tabindex="-1">${msg(str`Welcome back, ${candidate.name}`, { id: 'cand.welcome.back' })}</h2>
        <p>
          ${msg(
            str`You have answered ${this.answered} of ${total} questions. You can carry on where you left off.`,
            {
              id: 'cand.welcome.progress',
            },
          )}
        </p>
        ${this.uploadingNote()}
        <div class="actions">
          <button class="primary" @click=${this.continue}>${msg('Continue', { id: 'cand.welcome.continue' })}</button>
        </div>
      `;
    }
    return html`
      <h2 tabindex="-1">${msg(str`Hello ${candidate.name}`, { id: 'cand.welcome.hello' })}</h2>
      ${interview.intro ? html`<p class="intro">${interview.intro}</p>` : null}
      ${blindReviewNote(this.session)}
      ${this.expectations()}
      <extra-time-option .session=${this.session}></extra-time-option>
      ${this.consent()}
      <p class="muted">
        ${msg('Next, your browser will ask to use your camera and microphone.', { id: 'cand.welcome.next' })}
      </p>
      <div class="actions">
        <button class="primary" @click=${this.continue}>
          ${msg('Check my camera and microphone', { id: 'cand.welcome.start' })}
        </button>
      </div>
    `;
  }
}
