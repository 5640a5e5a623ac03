import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for the programme pages (web-components/programme: the public apply page and the
 * candidate's feedback). `${0}`, `${1}`… are the English values in order. The apply page loads
 * this map alone; the other pages get it through fr.ts.
 */
export const programmeFr: Translations = {
  'apply.language': 'Langue',
  'apply.loading': 'Chargement…',
  'apply.notFound': 'Ce programme n’accepte pas de candidatures',
  'apply.notFoundBody':
    'Le lien est peut-être mal recopié, ou les candidatures sont terminées. Renseignez-vous auprès de l’organisation qui l’a partagé.',
  'apply.unreachable': 'Le serveur est injoignable',
  'apply.unreachableBody': 'Vérifiez votre connexion, puis rechargez cette page.',
  'apply.name': 'Votre nom',
  'apply.email': 'Votre adresse e-mail',
  'apply.emailHint': 'Nous y envoyons le lien de votre entretien.',
  'apply.location': 'Où souhaitez-vous travailler ?',
  'apply.closes': str`Candidatures jusqu’au ${0}`,
  'apply.closed': str`Candidatures closes le ${0}`,
  'apply.yes': 'Oui',
  'apply.no': 'Non',
  'apply.privacy': 'Vos données',
  'apply.privacyLabel': 'Notice de confidentialité',
  'apply.builtInConsent':
    'Nous conservons votre nom, votre adresse e-mail, vos réponses et vos enregistrements uniquement pour évaluer votre candidature, aussi longtemps que le programme en a besoin. Vous pouvez demander à tout moment à les consulter ou à les effacer.',
  'apply.consent':
    'J’ai lu cette notice et j’accepte que ma candidature et mes réponses enregistrées soient utilisées ainsi.',
  'apply.sending': 'Envoi…',
  'apply.submit': 'Postuler',
  'apply.err.name': 'Indiquez votre nom.',
  'apply.err.email': 'Indiquez une adresse e-mail comme nom@exemple.fr.',
  'apply.err.location': 'Choisissez où vous souhaitez travailler.',
  'apply.err.yesNo': 'Répondez par oui ou par non.',
  'apply.err.consent': 'Cochez la case pour postuler.',
  'apply.err.nameText':
    'Écrivez votre nom en texte ordinaire, sur une ligne, en 200 caractères au plus.',
  'apply.err.other': 'Vérifiez cette réponse.',
  'apply.offline':
    'Le serveur est injoignable. Vérifiez votre connexion et appuyez à nouveau sur « Postuler » : rien de ce que vous avez saisi n’est perdu.',
  'apply.rateLimited': str`Nous ne pouvons pas recevoir plus de candidatures pour le moment. Réessayez dans ${0} minute(s).`,
  'apply.checkForm': 'Vérifiez les réponses signalées.',
  'apply.sentTitle': 'Consultez vos e-mails',
  'apply.sentBody': str`Nous avons envoyé un lien à ${0}. Ouvrez-le pour enregistrer votre entretien ; il fonctionne jusqu’au ${1}.`,
  'apply.sentHelp':
    'Il peut mettre quelques minutes à arriver. Si vous ne le trouvez pas, regardez dans vos indésirables, ou postulez à nouveau avec la même adresse pour recevoir un nouveau lien.',
  'apply.createdTitle': 'Vous pouvez commencer',
  'apply.createdBody':
    'Votre entretien est prêt. Gardez ce lien : c’est le seul moyen de revenir à votre entretien.',
  'apply.start': 'Commencer mon entretien',
  'apply.linkLabel': 'Le lien de votre entretien :',
  'apply.copyLink': 'Copier le lien',
  'apply.linkCopied': 'Lien copié.',
  'apply.linkCopyFailed':
    'La copie n’a pas fonctionné : le lien est sélectionné, copiez-le vous-même.',
  'apply.notEligibleTitle': 'Merci de votre intérêt',
  'apply.notEligibleBody':
    'D’après vos réponses, ce programme ne vous est pas ouvert pour le moment ; nous ne pouvons donc pas vous proposer d’entretien. Nous n’avons conservé ni vos réponses ni vos coordonnées.',
  'apply.notEligibleHelp':
    'Si vous vous êtes trompé en répondant, vous pouvez revenir au formulaire et corriger vos réponses.',
  'apply.back': 'Revenir au formulaire',
  'apply.closedTitle': str`Les candidatures pour ${0} sont closes`,
  'apply.closedBody': str`Les candidatures pour ${0} ont fermé le ${1}.`,
  'apply.otherLocations': 'Voir les autres lieux',
  'fb.pageTitle': 'Votre retour',
  'fb.title': 'Votre retour',
  'fb.released': str`Rédigé pour vous après votre entretien, le ${0}.`,
  'fb.summary': 'Synthèse',
  'fb.print': 'Imprimer ou enregistrer en PDF',
};
