import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for running a multi-city programme city by city (issue 21): the city of a staff
 * invitation, each city's deadline, the results' city filter and bulk actions, and the link for
 * a finished candidate. Spread into fr-workspace.ts.
 */
export const citiesFr: Translations = {
  'ws.deadline.city': str`${0} : ${1}`,
  'ws.deadline.cities': str`Dates limites : ${0}`,
  'ws.invite.city': 'Ville des candidats invités ici',
  'ws.invite.noCity': 'Sans ville',
  'ws.invite.cityClosed': str`${0} (close le ${1})`,
  'ws.invite.cityUntil': str`${0} (jusqu’au ${1})`,
  'ws.inv.aftercareConfirm': str`Créer un nouveau lien pour ${0} ? Il n’ouvre que son retour, une copie de ses données et leur effacement ; son lien actuel cessera de fonctionner.`,
  'ws.inv.aftercareLabel': str`Nouveau lien (retour et données) pour ${0}`,
  'ws.inv.aftercare': 'Nouveau lien (retour et données)',
  'ws.results.city': 'Ville',
  'ws.results.allCities': 'Toutes les villes',
  'ws.results.selectAll': 'Sélectionner toutes les personnes affichées',
  'ws.results.select': str`Sélectionner ${0}`,
  'ws.results.toAnswers': str`Réponses et notes des évaluateurs pour ${0}`,
  'ws.bulk.title': str`${0} sélectionné(s)`,
  'ws.bulk.decideLegend': 'Décider pour toutes les personnes sélectionnées',
  'ws.bulk.outcome': 'Décision',
  'ws.bulk.note': 'Note (facultative)',
  'ws.bulk.decide': str`Enregistrer la décision pour ${0}`,
  'ws.bulk.release': str`Publier le retour enregistré pour ${0}`,
  'ws.bulk.decided': str`Décision enregistrée pour ${0} sur ${1}.`,
  'ws.bulk.released': str`Retour publié pour ${0} sur ${1}.`,
  'ws.bulk.releaseConfirm': str`Publier le retour enregistré pour ${0} ? Cela ne peut pas être annulé.`,
  'ws.bulk.releaseLanguage': 'Chaque personne le lit dans la langue de son invitation.',
  'ws.bulk.releaseUnedited':
    'Un brouillon que personne n’a modifié part mot pour mot tel que généré à partir de la grille. Pour en lire un d’abord, ouvrez le retour de la personne.',
  'ws.bulk.releaseSkipped': 'Les personnes sans retour enregistré ne sont pas concernées.',
  'ws.bulk.releaseEmail': 'Chacune reçoit un e-mail et peut le lire grâce à son lien.',
  'ws.bulk.releaseNoEmail':
    'Aucun e-mail ne sera envoyé : elles le lisent en ouvrant leur lien d’entretien, prévenez-les vous-même.',
  'ws.bulk.itemDone': str`${0} : fait`,
  'ws.bulk.itemFailed': str`${0} : non fait — ${1}`,
  'ws.bulk.noFeedback': 'aucun retour enregistré pour l’instant',
  'ws.bulk.notCompleted': 'n’a pas terminé l’entretien',
  'ws.bulk.reference': 'une invitation de référence (calibrage)',
  'ws.bulk.notFound': 'n’existe plus ou ne vous est pas visible',
  'ws.bulk.forbidden': 'votre rôle dans cet entretien ne le permet pas',
};
