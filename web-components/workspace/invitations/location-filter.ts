import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Invitation } from '../../../server/contracts/api.js';

/** The invitations of one location (`''`: all; `-`: those without a location). */
export function byLocation<T extends Invitation>(items: T[], key: string): T[] {
  if (!key) return items;
  return items.filter((i) => (i.location?.key ?? '-') === key);
}

/** A "Location" select above the candidates, shown once some of them have a location. */
export function renderLocationFilter(
  items: Invitation[],
  selected: string,
  choose: (key: string) => void,
) {
  const locations = new Map<string, string>();
  for (const i of items) if (i.location) locations.set(i.location.key, i.location.name);
  if (locations.size === 0) return nothing;
  const count = (key: string) => byLocation(items, key).length;
  return html`<div class="field" style="align-items: flex-start">
    <label for="location-filter">${msg('Location', { id: 'ws.inv.locationFilter' })}</label>
    <select id="location-filter" @change=${(e: Event) => choose((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!selected}>${msg('All locations', { id: 'ws.inv.allLocations' })} (${items.length})</option>
      ${[...locations].map(
        ([key, name]) =>
          html`<option value=${key} ?selected=${selected === key}>${name} (${count(key)})</option>`,
      )}
      ${count('-') ? html`<option value="-" ?selected=${selected === '-'}>${msg('No location', { id: 'ws.inv.noLocation' })} (${count('-')})</option>` : nothing}
    </select>
  </div>`;
}
