import { msg } from '@lit/localize';
import { css, html } from 'lit';

/**
 * Issue 9: whether candidates may answer with sound only (no camera on their device, or a
 * connection too slow for video). Unticked, the recorder asks for a camera and never drops to
 * sound only, and the server refuses sound-only takes.
 */
export function renderAnswerFormat(allowAudioOnly: boolean, change: (allowed: boolean) => void) {
  return html`<fieldset class="answer-format">
    <legend>${msg('Answer format', { id: 'ws.format.legend' })}</legend>
    <div class="check">
      <input type="checkbox" id="allow-audio-only" .checked=${allowAudioOnly}
        aria-describedby="allow-audio-only-hint"
        @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
      <label for="allow-audio-only">${msg('Accept answers with sound only', { id: 'ws.format.allowAudioOnly' })}</label>
      <p class="hint" id="allow-audio-only-hint">${
        allowAudioOnly
          ? msg(
              'A candidate without a camera, or whose connection is too slow for video, answers with sound only rather than not at all.',
              { id: 'ws.format.allowedHint' },
            )
          : msg(
              'Every answer is on video: a candidate without a camera is asked to use another device, and a slow connection gets a smaller picture instead of sound only.',
              { id: 'ws.format.forbiddenHint' },
            )
      }</p>
    </div>
  </fieldset>`;
}

export const answerFormatStyles = css`
  .answer-format .check {
    display: grid;
    grid-template-columns: 1.5rem minmax(0, 1fr);
    gap: 0 0.5rem;
    align-items: start;
  }
  .answer-format .check input {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.2rem;
  }
  .answer-format .check .hint {
    grid-column: 2;
    margin: 0;
  }
`;
