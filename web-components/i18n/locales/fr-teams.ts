import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for teams and share links in the workspace (issue 19): the members editor, the share
 * dialog and the shares list. Spread into fr-workspace.ts.
 */
export const teamsFr: Translations = {
  'ws.members.title': 'Équipe',
  'ws.members.explain':
    'Seuls les membres voient cet entretien. Les recruteurs le gèrent\u202f; les évaluateurs notent ses réponses. Les administrateurs voient tous les entretiens sans en être membres.',
  'ws.members.none': 'Aucun membre pour l’instant.',
  'ws.members.you': '(vous)',
  'ws.members.reviewerAccount': '(compte évaluateur)',
  'ws.members.recruiter': 'recruteur',
  'ws.members.reviewer': 'évaluateur',
  'ws.members.roleOf': str`Rôle de ${0}`,
  'ws.members.roleChanged': str`${0} est désormais ${1}.`,
  'ws.members.remove': str`Retirer ${0}`,
  'ws.members.confirmTitle': str`Retirer ${0}\u202f?`,
  'ws.members.confirmSelf':
    'Vous ne verrez plus cet entretien, sauf si un administrateur vous ajoute de nouveau.',
  'ws.members.confirmOther': str`${0} ne verra plus cet entretien, ses candidats ni leurs réponses. Les notes déjà données restent.`,
  'ws.members.confirmYes': str`Oui, retirer ${0}`,
  'ws.members.confirmNo': str`Garder ${0}`,
  'ws.members.removed': str`${0} a été retiré(e) de cet entretien.`,
  'ws.members.askAdmin':
    'Pour ajouter une personne qui n’est pas encore membre, demandez à un administrateur\u202f: seuls les administrateurs peuvent lister les comptes.',
  'ws.members.search': 'Ajouter\u202f: chercher par nom ou e-mail',
  'ws.members.matches': str`${0} résultat(s)`,
  'ws.members.addRecruiter': str`Ajouter ${0} comme recruteur`,
  'ws.members.addReviewer': str`Ajouter ${0} comme évaluateur`,
  'ws.members.addedRecruiter': str`${0} a été ajouté(e) comme recruteur.`,
  'ws.members.addedReviewer': str`${0} a été ajouté(e) comme évaluateur.`,
  'ws.share.open': 'Partager avec un responsable du recrutement…',
  'ws.share.title': 'Partager avec un responsable du recrutement',
  'ws.share.explain':
    'Cette personne voit les questions, ce qu’il faut observer et les vidéos de ce candidat\u202f: rien d’autre, et aucun autre candidat. Elle n’a pas besoin de compte.',
  'ws.share.recipient': 'Pour qui\u202f?',
  'ws.share.recipientHint':
    'Son nom, tel qu’il apparaîtra dans le journal d’audit et à côté de ses notes.',
  'ws.share.days': 'Durée de validité du lien (jours)',
  'ws.share.daysHint': str`De ${0} à ${1} jours.`,
  'ws.share.showName': str`Afficher le nom du candidat (sinon elle voit «\u202f${0}\u202f»)`,
  'ws.share.allowRating':
    'Lui permettre de noter chaque réponse de 1 à 5 (ses notes sont listées ici, jamais comptées dans les résultats)',
  'ws.share.create': 'Créer le lien',
  'ws.share.createdTitle': str`Lien pour ${0}`,
  'ws.share.once':
    'Copiez-le maintenant\u202f: par sécurité, il n’est pas conservé et ne pourra plus être affiché.',
  'ws.share.lost': 'S’il est perdu, révoquez-le et créez-en un nouveau.',
  'ws.share.copied': 'Lien copié.',
  'ws.share.done': 'Terminé',
  'ws.shares.title': 'Responsables du recrutement',
  'ws.shares.none': 'Aucun lien de partage pour l’instant.',
  'ws.shares.expired': 'Expiré',
  'ws.shares.until': str`Valable jusqu’au ${0}`,
  'ws.shares.opened': str`Ouvert ${0} fois, la dernière le ${1}`,
  'ws.shares.notOpened': 'Pas encore ouvert',
  'ws.shares.showsName': 'Nom affiché',
  'ws.shares.nameHidden': 'Nom masqué',
  'ws.shares.mayRate': 'Peut noter',
  'ws.shares.watchOnly': 'Consultation seule',
  'ws.shares.by': str`créé par ${0}`,
  'ws.shares.revoke': str`Révoquer le lien de ${0}`,
  'ws.shares.confirmTitle': str`Révoquer le lien de ${0}\u202f?`,
  'ws.shares.confirmText': str`${0} verra désormais «\u202fCe lien a expiré ou a été retiré\u202f». Les notes déjà données restent listées.`,
  'ws.shares.confirmYes': str`Oui, révoquer le lien de ${0}`,
  'ws.shares.confirmNo': 'Garder le lien',
  'ws.shares.revoked': str`Le lien de ${0} ne fonctionne plus.`,
  'ws.shares.ratingsTitle': 'Notes des responsables du recrutement',
  'ws.shares.notCounted': 'Non comptées\u202f:',
  'ws.shares.notCountedWhy':
    'ces notes n’entrent jamais dans les résultats, l’accord entre évaluateurs ni les indicateurs d’équité.',
  'ws.shares.score': str`${0} sur 5`,
  'ws.shares.question': str`Question ${0}`,
  'ws.err.notCompleted': 'Seul un candidat qui a terminé peut être partagé.',
  'ws.err.adminOnly': 'Seul un administrateur peut faire ce changement.',
};
