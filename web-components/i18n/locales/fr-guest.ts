import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for the hiring manager's page (web-components/guest, at /s/<token>). It loads this map
 * alone. `${0}`, `${1}`… are the English values in order.
 */
export const guestFr: Translations = {
  'guest.loading': 'Chargement…',
  'guest.language': 'Langue',
  'guest.gone': 'Ce lien a expiré ou a été retiré',
  'guest.goneBody':
    'Les réponses partagées avec vous ne sont plus disponibles par ce lien. Si vous en avez encore besoin, demandez-en un nouveau à la personne qui vous l’a envoyé.',
  'guest.unreachable': 'Le serveur est injoignable',
  'guest.unreachableBody': 'Vérifiez votre connexion, puis réessayez.',
  'guest.retry': 'Réessayer',
  'guest.sharedWith': str`Partagé avec ${0}. Merci de ne pas transmettre ce lien.`,
  'guest.noAnswers': 'Il n’y a aucune réponse à afficher.',
  'guest.questions': 'Questions',
  'guest.navQ': str`Q${0}`,
  'guest.navRated': 'notée',
  'guest.previous': 'Question précédente',
  'guest.next': 'Question suivante',
  'guest.questionOf': str`Question ${0} sur ${1}`,
  'guest.videoLabel': str`Réponse à la question ${0}`,
  'guest.noVideo': 'Pas de vidéo pour cette réponse.',
  'guest.competency': 'Compétence\u202f:',
  'guest.guidance': 'Ce qu’il faut observer',
  'guest.anchors': 'Ce que veut dire chaque note',
  'guest.legend': 'Votre note, de 1 (faible) à 5 (excellent)',
  'guest.comment': 'Commentaire (facultatif)',
  'guest.whoSees':
    'L’équipe voit votre note et votre commentaire à côté de ses propres évaluations.',
  'guest.save': 'Enregistrer ma note',
  'guest.saved': str`Enregistré\u202f: ${0} sur 5.`,
  'guest.needScore': 'Choisissez d’abord une note de 1 à 5.',
  'guest.rateRefused': 'Ce lien ne permet pas de noter.',
  'guest.notSaved': 'Votre note n’a pas été enregistrée. Veuillez réessayer.',
  'guest.videoFailed': 'La vidéo n’a pas pu être lue.',
  'guest.reload': 'Recharger',
  'guest.speed': 'Vitesse de lecture',
};
