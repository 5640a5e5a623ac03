import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for the audit trail (workspace/audit/): its filters, and each entry as a sentence with
 * names (issue 21). `${0}` is who did it, `${1}` whom or what it was about. Spread into
 * fr-workspace.ts.
 */
export const auditFr: Translations = {
  'ws.audit.title': 'Journal d’audit',
  'ws.audit.intro':
    'Chaque consultation de réponse, évaluation, décision, publication de retour, nouveau lien, export, effacement, modification d’utilisateur et échec de connexion. Les entrées ne peuvent être ni modifiées ni supprimées.',
  'ws.audit.staff': 'Membre de l’équipe',
  'ws.audit.everyone': 'Tout le monde',
  'ws.audit.interview': 'Entretien',
  'ws.audit.allInterviews': 'Tous les entretiens',
  'ws.audit.candidate': 'Candidat',
  'ws.audit.allCandidates': 'Tous les candidats',
  'ws.audit.candidateHint': 'Choisissez un entretien pour choisir l’un de ses candidats.',
  'ws.audit.erasedHint': 'Les candidats effacés ne figurent pas dans la liste.',
  'ws.audit.show': 'Afficher',
  'ws.audit.list': 'Entrées du journal, les plus récentes d’abord',
  'ws.audit.loading': 'Chargement…',
  'ws.audit.empty': 'Aucune entrée.',
  'ws.audit.more': 'Afficher les entrées plus anciennes',
  'ws.audit.changes': str`Modifié : ${0}`,
  'ws.audit.via': str`par un lien remis à ${0}`,

  'ws.audit.system': 'La conservation automatique',
  'ws.audit.erasedActor': 'Un candidat effacé',
  'ws.audit.unknown': 'Un compte inconnu',
  'ws.audit.erasedSubject': 'un candidat effacé',
  'ws.audit.someCandidate': 'un candidat',
  'ws.audit.someInterview': 'un entretien',
  'ws.audit.quoted': str`« ${0} »`,
  'ws.audit.someAccount': 'un compte',

  'ws.audit.s.answerViewed': str`${0} a consulté une réponse de ${1}`,
  'ws.audit.s.ratingSaved': str`${0} a évalué une réponse de ${1}`,
  'ws.audit.s.expertScore': str`${0} a enregistré une note de référence pour une réponse de ${1}`,
  'ws.audit.s.decisionSaved': str`${0} a enregistré une décision pour ${1}`,
  'ws.audit.s.feedbackReleased': str`${0} a publié le retour de ${1}`,
  'ws.audit.s.feedbackViewed': str`${0} a lu son retour`,
  'ws.audit.s.exported': str`${0} a téléchargé une copie de ses données`,
  'ws.audit.s.newLink': str`${0} a émis un nouveau lien pour ${1}`,
  'ws.audit.s.reference': str`${0} a modifié le statut de référence de calibrage de ${1}`,
  'ws.audit.s.shared': str`${0} a partagé les réponses de ${1}`,
  'ws.audit.s.shareRevoked': str`${0} a retiré un partage des réponses de ${1}`,
  'ws.audit.s.shareOpened': str`${0} a ouvert les réponses partagées de ${1}`,
  'ws.audit.s.erasedSelf': 'Un candidat a effacé ses propres données',
  'ws.audit.s.erased': str`${0} a effacé un candidat`,
  'ws.audit.s.ratingsExported': str`${0} a exporté les évaluations de ${1}`,
  'ws.audit.s.interviewCreated': str`${0} a créé l’entretien ${1}`,
  'ws.audit.s.interviewUpdated': str`${0} a modifié l’entretien ${1}`,
  'ws.audit.s.members': str`${0} a modifié l’équipe de ${1}`,
  'ws.audit.s.selfId': str`${0} a modifié le formulaire d’auto-identification de ${1}`,
  'ws.audit.s.userCreated': str`${0} a créé le compte de ${1}`,
  'ws.audit.s.userUpdated': str`${0} a modifié le compte de ${1}`,
  'ws.audit.s.passwordReset': str`${0} a donné un mot de passe temporaire à ${1}`,
  'ws.audit.s.passwordChanged': str`${0} a choisi un nouveau mot de passe`,
  'ws.audit.s.loginFailed': 'Une connexion a échoué',
  'ws.audit.s.keyCreated': str`${0} a créé une clé d’API`,
  'ws.audit.s.keyRevoked': str`${0} a révoqué une clé d’API`,
  'ws.audit.s.webhookCreated': str`${0} a ajouté un webhook`,
  'ws.audit.s.webhookUpdated': str`${0} a modifié un webhook`,
  'ws.audit.s.webhookDeleted': str`${0} a supprimé un webhook`,
};
