import type { ResultItem } from '../../../server/contracts/review.js';
import type { Outcome } from '../../../server/contracts/review-rules.js';

export type ResultsSort = 'overall' | 'name' | 'ratings';
export type ResultsFilter = 'all' | 'undecided' | 'incomplete' | Outcome;

function nameOf(item: ResultItem): string {
  return item.candidate.name || item.candidate.label || '';
}

/** The results as the organiser asked to see them; the list given is not changed. */
export function sortAndFilter(
  items: ResultItem[],
  sort: ResultsSort,
  filter: ResultsFilter,
  search: string,
): ResultItem[] {
  const needle = search.trim().toLocaleLowerCase();
  const kept = items.filter((item) => {
    if (needle) {
      const hay = `${nameOf(item)} ${item.candidate.email ?? ''} ${item.candidate.label ?? ''}`;
      if (!hay.toLocaleLowerCase().includes(needle)) return false;
    }
    if (filter === 'all') return true;
    if (filter === 'undecided') return !item.decision;
    if (filter === 'incomplete') return !item.ratingsComplete;
    return item.decision?.outcome === filter;
  });
  const byName = (a: ResultItem, b: ResultItem) => nameOf(a).localeCompare(nameOf(b));
  const compare: Record<ResultsSort, (a: ResultItem, b: ResultItem) => number> = {
    // Candidates without a mean go last, not first.
    overall: (a, b) => (b.overall.mean ?? -1) - (a.overall.mean ?? -1) || byName(a, b),
    name: byName,
    ratings: (a, b) => a.overall.n - b.overall.n || byName(a, b),
  };
  return [...kept].sort(compare[sort]);
}
