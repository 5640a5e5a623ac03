import { msg } from '@lit/localize';

/**
 * Names the screen in the tab and for screen readers (WCAG 2.4.2): "Question 2 · Candidate 7 ·
 * Interview workspace". Views call it on every update, so a language switch renames it too.
 */
export function setPageTitle(...parts: (string | null | undefined)[]): void {
  const brand = msg('Interview workspace', { id: 'ws.shell.brand' });
  const title = [...parts.filter((p): p is string => Boolean(p)), brand].join(' · ');
  if (document.title !== title) document.title = title;
}
