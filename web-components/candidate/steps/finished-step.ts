import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import '../self-id-form.js';
import { sharedStyles } from '../shared.styles.js';

/** The end: waiting for the last uploads and the finish call, then thanks. */
@customElement('finished-step')
@localized()
export class FinishedStep extends LitElement {
  static override styles = sharedStyles;

  @property() name = '';
  /** Still sending: the last answers are uploading or the finish call is under way. */
  @property({ type: Boolean }) sending = false;
  @property() problem = '';
  /** Without a mail server, nothing is promised by email: the link itself is the way back. */
  @property({ type: Boolean }) emailEnabled = true;
  @query('h2') private heading!: HTMLElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  override render() {
    if (this.sending) {
      return html`<h2 tabindex="-1">${msg('Sending your answers…', { id: 'rec.finishing.title' })}</h2>
        <p>${msg('Please keep this page open until your last answers are uploaded. It finishes by itself, even after a lost connection.', { id: 'rec.finishing.keep-open' })}</p>
        ${this.problem ? html`<p class="notice problem" role="alert">${this.problem}</p>` : null}`;
    }
    return html`<h2 tabindex="-1">${msg(str`Thank you, ${this.name}!`, { id: 'rec.finished.title' })}</h2>
      <p>${msg('Your interview is complete and your answers have been sent. You can close this page.', { id: 'rec.finished.body' })}</p>
      <p>${
        this.emailEnabled
          ? msg(
              'Once your answers are assessed, we will tell you by email; this same link will then show your feedback.',
              { id: 'rec.finished.feedback' },
            )
          : msg(
              'No email will be sent. Keep this link and open it again later: once your answers are assessed, it will show your feedback.',
              { id: 'rec.finished.feedbackNoEmail' },
            )
      }</p>
      <self-id-form></self-id-form>`;
  }
}
