import { html } from 'lit';

/**
 * Words after a label that screen readers say and the screen does not show, for a label a
 * screen repeats (each question's "Think time", each user's "Role"): with them every control
 * has a name of its own, so a list of controls or a voice command ("click Remove question 1")
 * picks one thing (issue 21). The visible label stays first, as WCAG's "label in name" asks.
 * Needs `baseStyles` (`.visually-hidden`).
 */
export function forScreenReaders(words: string) {
  return html`<span class="visually-hidden"> (${words})</span>`;
}
