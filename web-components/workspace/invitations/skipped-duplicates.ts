import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { NamedDuplicate } from '../api/programme-api.js';

/**
 * Emails that were already invited to this interview: skipped, listed, and invited again only
 * when the recruiter says so (a second invitation is rarely wanted, and never silently).
 */
export function renderDuplicates(
  duplicates: (NamedDuplicate & { name: string })[],
  busy: boolean,
  confirm: () => void,
) {
  if (duplicates.length === 0) return nothing;
  const count = duplicates.length;
  return html`<div class="card" role="alert">
    <p><strong>${msg(str`${count} already invited to this interview, so not invited again:`, { id: 'ws.dup.title' })}</strong></p>
    <ul class="problems">${duplicates.slice(0, 50).map((d) => html`<li>${d.name ? `${d.name} <${d.email}>` : d.email}</li>`)}</ul>
    ${count > 50 ? html`<p>${msg(str`… and ${count - 50} more.`, { id: 'ws.dup.more' })}</p>` : nothing}
    <button type="button" ?disabled=${busy} @click=${confirm}>${msg(str`Invite these ${count} again anyway`, { id: 'ws.dup.confirm' })}</button>
  </div>`;
}
