import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { MediaStatus } from './media-controller.js';

/** Which browser's settings to describe: the words differ, the way forward is the same. */
function platform(): 'ios' | 'android' | 'desktop' {
  const agent = navigator.userAgent;
  if (/iPhone|iPad|iPod/.test(agent) || (agent.includes('Mac') && navigator.maxTouchPoints > 1)) {
    return 'ios';
  }
  return /Android/.test(agent) ? 'android' : 'desktop';
}

function allowSteps(): TemplateResult {
  const where = platform();
  if (where === 'ios') {
    return html`<ol>
      <li>${msg('Open the Settings app, then Safari (or your browser), then Camera and Microphone.', { id: 'rec.help.ios-1' })}</li>
      <li>${msg('Choose Allow or Ask, come back here and press Try again.', { id: 'rec.help.ios-2' })}</li>
    </ol>`;
  }
  if (where === 'android') {
    return html`<ol>
      <li>${msg('Tap the icon left of the address bar, then Permissions.', { id: 'rec.help.android-1' })}</li>
      <li>${msg('Allow Camera and Microphone, then press Try again.', { id: 'rec.help.android-2' })}</li>
    </ol>`;
  }
  return html`<ol>
    <li>${msg('Click the camera or lock icon in the address bar.', { id: 'rec.help.desktop-1' })}</li>
    <li>${msg('Allow the camera and the microphone for this site, then press Try again.', { id: 'rec.help.desktop-2' })}</li>
    <li>${msg('On a Mac, also check System Settings, Privacy & Security, Camera.', { id: 'rec.help.desktop-3' })}</li>
  </ol>`;
}

/** A heading sentence and what to do about a camera problem. */
export function deviceProblem(status: MediaStatus): TemplateResult | null {
  switch (status) {
    case 'denied':
      return html`<p><strong>${msg('Your browser is not allowing this page to use the camera and microphone.', { id: 'rec.help.denied' })}</strong></p>
        <p>${msg('Recording needs them. To allow them:', { id: 'rec.help.denied-how' })}</p>
        ${allowSteps()}`;
    case 'no-device':
      return html`<p><strong>${msg('We could not find a microphone.', { id: 'rec.help.no-mic' })}</strong></p>
        <p>${msg('Connect a microphone or headset and press Try again, or open this link on a phone.', { id: 'rec.help.no-mic-how' })}</p>`;
    case 'no-camera':
      return html`<p><strong>${msg('This interview needs a camera, and we could not find one on this device.', { id: 'rec.help.no-camera' })}</strong></p>
        <p>${msg('Answers to this interview must be on video, not sound only. Connect a camera (or close the app using it) and press Try again, or open this link on a phone or a computer that has a camera.', { id: 'rec.help.no-camera-how' })}</p>`;
    case 'busy':
      return html`<p><strong>${msg('Another application is using your camera or microphone.', { id: 'rec.help.busy' })}</strong></p>
        <p>${msg('Close video calls or other camera apps, then press Try again.', { id: 'rec.help.busy-how' })}</p>`;
    case 'unsupported':
      return html`<p><strong>${msg('This browser cannot use a camera on this page.', { id: 'rec.help.unsupported' })}</strong></p>
        <p>${msg('Open this link in a recent Chrome, Edge, Firefox or Safari.', { id: 'rec.help.unsupported-how' })}</p>`;
    case 'failed':
    case 'interrupted':
      return html`<p><strong>${msg('The camera stopped or could not start.', { id: 'rec.help.failed' })}</strong></p>
        <p>${msg('Press Try again. If it keeps happening, restart your browser or use another device.', { id: 'rec.help.failed-how' })}</p>`;
    default:
      return null;
  }
}
