import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Interview, InvitationStatus } from '../../../server/contracts/api.js';
import type { ResultItem, ScoreSummary } from '../../../server/contracts/review.js';
import { baseStyles } from '../shared/base.styles.js';
import { Loader } from '../shared/loader.js';
import { setPageTitle } from '../shared/page-title.js';
import { href } from '../shell/routes.js';
import type { WorkspaceContext } from '../workspace-context.js';
import './decision-control.js';
import './bulk-actions.js';
import { reviewApi } from '../api/review-api.js';
import { outcomeName } from './decision-control.js';
import { type ResultsFilter, type ResultsSort, sortAndFilter } from './results-order.js';
import { resultsPageStyles } from './results-page.styles.js';

const PAGE_SIZE = 25;

/** Per candidate and competency: mean, number of ratings, spread; completeness; the decision. */
@localized()
@customElement('ws-results-page')
export class ResultsPage extends LitElement {
  static override styles = [baseStyles, resultsPageStyles];

  @property({ attribute: false }) ctx!: WorkspaceContext;
  @property() interviewId = '';
  @state() private sort: ResultsSort = 'overall';
  @state() private filter: ResultsFilter = 'all';
  @state() private search = '';
  /** Issue 21: a city's key, `-` for candidates with none, '' for every city. */
  @state() private city = '';
  /** The invitations ticked for a bulk decision or feedback release. */
  @state() private selected = new Set<string>();
  @state() private shown = PAGE_SIZE;
  private readonly data = new Loader(this, async () => {
    const api = reviewApi(this.ctx.api);
    const [interview, items] = await Promise.all([
      api.interview(this.interviewId),
      api.results(this.interviewId),
    ]);
    return { interview, items };
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('interviewId')) void this.data.reload();
  }

  protected override updated(): void {
    setPageTitle(msg('Results', { id: 'ws.results.title' }), this.data.value?.interview.title);
  }

  override render() {
    return html`<h1>${msg('Results', { id: 'ws.results.title' })}</h1>
      ${this.data.render(({ interview, items }) => this.renderResults(interview, items))}`;
  }

  private renderResults(interview: Interview, all: ResultItem[]) {
    const items = sortAndFilter(inCity(all, this.city), this.sort, this.filter, this.search);
    const selected = items.filter((i) => this.selected.has(i.invitationId));
    const complete = all.filter((i) => i.ratingsComplete).length;
    const decided = all.filter((i) => i.decision).length;
    return html`
      <p><a href=${href.interview(interview.id)}>${interview.title}</a> ·
        <a href=${href.reliability(interview.id)}>${msg('How far reviewers agree', { id: 'ws.results.toReliability' })}</a></p>
      <p class="summary">${msg(str`${complete} of ${all.length} candidates fully rated · ${decided} decided`, { id: 'ws.results.summary' })}</p>
      <div class="filters">
        <div class="field">
          <label for="search">${msg('Search by name or email', { id: 'ws.results.search' })}</label>
          <input id="search" type="search" .value=${this.search} @input=${(e: Event) => {
            this.search = (e.target as HTMLInputElement).value;
            this.shown = PAGE_SIZE;
          }} />
        </div>
        ${this.renderCityFilter(interview, all)}
        <div class="field">
          <label for="sort">${msg('Sort by', { id: 'ws.results.sort' })}</label>
          <select id="sort" @change=${(e: Event) => {
            this.sort = (e.target as HTMLSelectElement).value as ResultsSort;
          }}>
            <option value="overall" ?selected=${this.sort === 'overall'}>${msg('Overall mean, highest first', { id: 'ws.results.sortOverall' })}</option>
            <option value="name" ?selected=${this.sort === 'name'}>${msg('Name', { id: 'ws.results.sortName' })}</option>
            <option value="ratings" ?selected=${this.sort === 'ratings'}>${msg('Fewest ratings first', { id: 'ws.results.sortRatings' })}</option>
          </select>
        </div>
        <div class="field">
          <label for="filter">${msg('Show', { id: 'ws.results.filter' })}</label>
          <select id="filter" @change=${(e: Event) => {
            this.filter = (e.target as HTMLSelectElement).value as ResultsFilter;
            this.shown = PAGE_SIZE;
          }}>
            <option value="all" ?selected=${this.filter === 'all'}>${msg('Everyone', { id: 'ws.results.all' })}</option>
            <option value="undecided" ?selected=${this.filter === 'undecided'}>${msg('Not decided yet', { id: 'ws.results.undecided' })}</option>
            <option value="incomplete" ?selected=${this.filter === 'incomplete'}>${msg('Still missing ratings', { id: 'ws.results.incomplete' })}</option>
            <option value="advance" ?selected=${this.filter === 'advance'}>${outcomeName('advance')}</option>
            <option value="hold" ?selected=${this.filter === 'hold'}>${outcomeName('hold')}</option>
            <option value="decline" ?selected=${this.filter === 'decline'}>${outcomeName('decline')}</option>
          </select>
        </div>
      </div>
      <p role="status" class="hint">${msg(str`${items.length} candidate(s) shown`, { id: 'ws.results.count' })}</p>
      <label class="select-all"><input type="checkbox"
        .checked=${items.length > 0 && selected.length === items.length}
        .indeterminate=${selected.length > 0 && selected.length < items.length}
        @change=${(e: Event) => this.selectAll(items, (e.target as HTMLInputElement).checked)} />
        ${msg('Select everyone shown', { id: 'ws.results.selectAll' })}</label>
      <ws-bulk-actions .ctx=${this.ctx}
        .selected=${selected.map((i) => ({ invitationId: i.invitationId, name: nameOf(i) }))}
        .done=${() => void this.data.reload()}></ws-bulk-actions>
      <ul class="plain results">${items.slice(0, this.shown).map((item) => this.renderItem(interview, item))}</ul>
      ${
        items.length > this.shown
          ? html`<button type="button" @click=${() => {
              this.shown += PAGE_SIZE;
            }}>${msg(str`Show ${Math.min(PAGE_SIZE, items.length - this.shown)} more`, { id: 'ws.results.more' })}</button>`
          : nothing
      }`;
  }

  private renderItem(interview: Interview, item: ResultItem) {
    const name = nameOf(item);
    return html`<li class="card" data-invitation=${item.invitationId}>
      <div class="pick">
        <input type="checkbox" aria-label=${msg(str`Select ${name}`, { id: 'ws.results.select' })}
          .checked=${this.selected.has(item.invitationId)}
          @change=${(e: Event) => this.toggle(item.invitationId, (e.target as HTMLInputElement).checked)} />
        <h2>${name}</h2>
      </div>
      <p class="meta">${item.candidate.email}${item.candidate.label ? html` · ${item.candidate.label}` : nothing}${item.location ? html` · ${item.location.name}` : nothing}</p>
      <p><a href=${href.review(item.invitationId, item.status === 'completed' ? undefined : (item.status as InvitationStatus))}>${msg(str`Answers and reviewers’ notes for ${name}`, { id: 'ws.results.toAnswers' })}</a></p>
      <p class=${item.ratingsComplete ? 'complete' : 'incomplete'}>${
        item.ratingsComplete
          ? html`<span aria-hidden="true">✓ </span>${msg('Every answer fully rated', { id: 'ws.results.complete' })}`
          : html`<span aria-hidden="true">○ </span>${msg('Some answers still need ratings', { id: 'ws.results.missing' })}`
      }</p>
      <dl class="figures">
        <dt>${msg('Overall', { id: 'ws.results.overall' })}</dt><dd>${this.renderAggregate(item.overall)}</dd>
        ${item.competencies.map((c) => {
          const competency = interview.competencies?.find((k) => k.key === c.key);
          return html`<dt>${competency?.name ?? c.key}</dt><dd>${this.renderAggregate(c)}</dd>`;
        })}
      </dl>
      <ws-decision-control .decision=${item.decision} subject=${name}
        .save=${(decision: Parameters<ReturnType<typeof reviewApi>['decide']>[1]) =>
          reviewApi(this.ctx.api)
            .decide(item.invitationId, decision)
            .then((saved) => {
              item.decision = saved;
              this.requestUpdate();
              return saved;
            })}></ws-decision-control>
    </li>`;
  }

  /** Shown for a multi-city programme: its cities, with how many results each holds. */
  private renderCityFilter(interview: Interview, all: ResultItem[]) {
    const cities = interview.public?.locations ?? [];
    if (cities.length === 0) return nothing;
    const count = (key: string) => inCity(all, key).length;
    return html`<div class="field">
      <label for="city">${msg('City', { id: 'ws.results.city' })}</label>
      <select id="city" @change=${(e: Event) => {
        this.city = (e.target as HTMLSelectElement).value;
        this.shown = PAGE_SIZE;
      }}>
        <option value="" ?selected=${!this.city}>${msg('Every city', { id: 'ws.results.allCities' })} (${all.length})</option>
        ${cities.map((c) => html`<option value=${c.key} ?selected=${this.city === c.key}>${c.name} (${count(c.key)})</option>`)}
        ${count('-') ? html`<option value="-" ?selected=${this.city === '-'}>${msg('No city', { id: 'ws.invite.noCity' })} (${count('-')})</option>` : nothing}
      </select>
    </div>`;
  }

  private toggle(invitationId: string, on: boolean) {
    const next = new Set(this.selected);
    if (on) next.add(invitationId);
    else next.delete(invitationId);
    this.selected = next;
  }

  private selectAll(items: ResultItem[], on: boolean) {
    const next = new Set(this.selected);
    for (const i of items) {
      if (on) next.add(i.invitationId);
      else next.delete(i.invitationId);
    }
    this.selected = next;
  }

  private renderAggregate(a: ScoreSummary) {
    if (a.mean === null || a.n === 0) return msg('no ratings yet', { id: 'ws.results.none' });
    const mean = a.mean.toFixed(2);
    const spread =
      typeof a.spread === 'number'
        ? msg(str`, spread ${a.spread.toFixed(2)}`, { id: 'ws.results.spread' })
        : '';
    return msg(str`${mean} (${a.n} rating(s)${spread})`, { id: 'ws.results.aggregate' });
  }
}

function nameOf(item: ResultItem): string {
  return item.candidate.name || item.candidate.label || '';
}

/** The results of one city (`-`: those without a city; '': all). */
function inCity(items: ResultItem[], key: string): ResultItem[] {
  if (!key) return items;
  return items.filter((i) => (i.location?.key ?? '-') === key);
}

declare global {
  interface HTMLElementTagNameMap {
    'ws-results-page': ResultsPage;
  }
}
