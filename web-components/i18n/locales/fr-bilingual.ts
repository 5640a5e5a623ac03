import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for writing organisers' texts in French too (issue 21 item 2): the "French version"
 * beside each text of the interview and programme editors. Spread into fr-workspace.ts.
 */
export const bilingualFr: Translations = {
  'ws.french.summary': 'Version française',
  'ws.french.hint':
    'Les candidats qui lisent en français voient ce texte. Laissé vide, ils voient le texte ci-dessus.',
  'ws.french.title': 'Nom de l’entretien en français',
  'ws.french.intro': 'Introduction en français',
  'ws.french.prompt': str`Question ${0} en français`,
  'ws.french.competency': str`Compétence ${0} : nom en français`,
  'ws.french.description': 'Description en français',
  'ws.french.anchor': str`Note ${0} en français`,
  'ws.french.eligibility': str`Question d’éligibilité ${0} en français`,
};
