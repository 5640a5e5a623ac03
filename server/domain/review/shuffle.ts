import { createHmac } from 'node:crypto';

/**
 * Each reviewer's own stable order of answers (Kahneman's exam marking: no reviewer sees
 * candidates in the order they finished or by name, and no two reviewers share an order, so
 * order effects do not pile up on the same candidates). The order is the sort of an HMAC of
 * (reviewer, answer) under a server key: the same on every call, unpredictable without the key.
 */
export function reviewerOrder(serverSecret: string, reviewerId: string) {
  const key = createHmac('sha256', serverSecret).update('review-order').digest();
  return (answerId: string): string =>
    createHmac('sha256', key).update(`${reviewerId}\n${answerId}`).digest('hex');
}

/** Sorts items by the reviewer's stable shuffle of their answer ids. */
export function shuffleFor<T>(
  serverSecret: string,
  reviewerId: string,
  items: T[],
  answerIdOf: (item: T) => string,
): T[] {
  const keyOf = reviewerOrder(serverSecret, reviewerId);
  return items
    .map((item) => ({ item, key: keyOf(answerIdOf(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.item);
}
