import { str } from '@lit/localize';
import { selfIdFr } from './fr-fairness.js';
import type { Translations } from './translations.js';

/**
 * French for the candidate recorder (ids `rec.*`, `cand.*`). In `str` templates, `${0}`,
 * `${1}`… stand for the English message's values in order. Narrow no-break spaces (U+202F)
 * precede « : ; ! ? » as French typography wants.
 */
export const candidateFr: Translations = {
  // Loading and the page itself
  'cand.loading': 'Chargement de votre entretien…',
  'cand.load.offline':
    'Impossible de joindre le serveur de l’entretien. Vérifiez votre connexion\u202f; cette page réessaie d’elle-même dès son retour.',
  'cand.load.closed': 'Cet entretien est clos.',
  'cand.load.invalid':
    'Ce lien n’est pas valide. Utilisez le lien reçu dans votre e-mail d’invitation.',
  'cand.unsupported':
    'Ce navigateur ne peut pas enregistrer de réponses vidéo. Ouvrez ce lien dans une version récente de Chrome, Edge, Firefox ou Safari, sur un ordinateur ou un téléphone.',

  // Welcome and consent
  'cand.welcome.hello': str`Bonjour ${0}`,
  'cand.welcome.back': str`Bon retour, ${0}`,
  'cand.welcome.progress': str`Vous avez déjà répondu à ${0} des ${1} questions. Vous pouvez reprendre où vous en étiez.`,
  'cand.welcome.continue': 'Continuer',
  'cand.welcome.expect': 'À quoi vous attendre',
  'cand.welcome.count': str`${0}, l’une après l’autre\u202f:`,
  'cand.welcome.reveal':
    'Vous ne découvrez chaque question qu’au moment de la commencer. Vous pouvez lancer l’enregistrement avant la fin du temps de réflexion.',
  'cand.welcome.practice':
    'Une question d’entraînement vient d’abord. Elle n’est jamais envoyée à personne.',
  'cand.welcome.safety':
    'Vos réponses sont envoyées pendant l’enregistrement. Si la connexion coupe, elles sont gardées sur cet appareil et envoyées à son retour.',
  'cand.welcome.deadline': str`Merci de terminer avant le ${0}.`,
  'cand.welcome.next':
    'Ensuite, votre navigateur vous demandera d’utiliser votre caméra et votre micro.',
  'cand.welcome.start': 'Vérifier ma caméra et mon micro',
  'cand.consent.legend': 'Votre consentement',
  'cand.consent.use':
    'Vos réponses sont enregistrées en vidéo avec le son et envoyées à l’organisation qui vous invite. Seules les personnes qui évaluent votre candidature les regardent et les notent.',
  'cand.consent.agree':
    'J’accepte l’enregistrement de mes réponses et leur utilisation de cette façon.',
  'cand.consent.required':
    'Cochez la case pour continuer, ou fermez cette page si vous n’êtes pas d’accord.',
  'cand.count.question-one': '1 question',
  'cand.count.question-other': str`${0} questions`,
  'cand.count.retake-none': 'pas de nouvel essai',
  'cand.count.retake-one': '1 nouvel essai',
  'cand.count.retake-other': str`${0} nouveaux essais`,
  'cand.think.none':
    'pas de temps de réflexion\u202f: l’enregistrement démarre dès que la question apparaît',
  'cand.think.some': str`${0} pour réfléchir`,
  'cand.answer-time': str`jusqu’à ${0} pour répondre`,

  // Device check
  'rec.devices.title': 'Vérifiez votre caméra et votre micro',
  'rec.devices.asking':
    'Votre navigateur demande si cette page peut utiliser votre caméra et votre micro. Choisissez Autoriser.',
  'rec.devices.ready': 'La caméra et le micro sont allumés.',
  'rec.devices.mirrored':
    'L’aperçu est inversé comme dans un miroir. Les personnes qui regardent vos réponses vous voient dans le bon sens.',
  'rec.devices.camera': 'Caméra',
  'rec.devices.microphone': 'Micro',
  'rec.devices.continue': 'Tout fonctionne\u202f: continuer',
  'rec.devices.retry': 'Réessayer',
  'rec.devices.copy-link': 'Copier le lien pour utiliser un autre appareil',
  'rec.devices.copy-by-hand':
    'Ce navigateur n’a pas voulu le copier. Copiez ce lien à la main, puis ouvrez-le sur un téléphone ou un autre ordinateur\u202f:',
  'rec.devices.copied':
    'Lien copié. Ouvrez-le sur un téléphone ou un autre ordinateur pour continuer là-bas.',
  'rec.check.label': 'Vérification du navigateur',
  'rec.check.problem': 'Problème\u202f:',
  'rec.check.camera': 'L’accès à la caméra est possible.',
  'rec.check.format': 'L’enregistrement fonctionne dans ce navigateur\u202f:',
  'rec.check.no-format':
    'Ce navigateur ne sait pas enregistrer de vidéo. Utilisez une version récente de Chrome, Edge, Firefox ou Safari.',
  'rec.check.storage': 'Les réponses sont gardées sur cet appareil jusqu’à leur envoi.',
  'rec.check.no-storage':
    'Ce navigateur ne peut pas garder les réponses hors connexion\u202f: gardez la connexion pendant l’enregistrement.',
  'rec.check.audio-only':
    'Aucune caméra trouvée\u202f: vos réponses seront enregistrées avec le son seulement.',
  'rec.speed.checking': 'Vérification de votre connexion…',
  'rec.speed.measured': str`Débit d’envoi\u202f: ${0} Mbit/s.`,
  'rec.speed.fast': 'Votre connexion est assez rapide.',
  'rec.speed.enough':
    'Votre connexion suffit. Chaque réponse finit d’être envoyée quelques instants après l’arrêt.',
  'rec.speed.unknown':
    'Nous n’avons pas pu vérifier votre connexion. Vous pouvez continuer\u202f: les réponses sont gardées sur cet appareil jusqu’à leur envoi.',
  'rec.meter.label': 'Niveau du micro',
  'rec.meter.heard': 'Nous vous entendons.',
  'rec.meter.speak': 'Dites quelques mots\u202f: la barre doit bouger.',
  'rec.preview.label': 'L’image de votre caméra (inversée)',
  'rec.preview.none': 'Pas d’image de caméra',
  'rec.help.denied': 'Votre navigateur n’autorise pas cette page à utiliser la caméra et le micro.',
  'rec.help.denied-how': 'L’enregistrement en a besoin. Pour les autoriser\u202f:',
  'rec.help.ios-1':
    'Ouvrez l’app Réglages, puis Safari (ou votre navigateur), puis Caméra et Microphone.',
  'rec.help.ios-2': 'Choisissez Autoriser ou Demander, revenez ici et appuyez sur Réessayer.',
  'rec.help.android-1': 'Touchez l’icône à gauche de la barre d’adresse, puis Autorisations.',
  'rec.help.android-2': 'Autorisez la caméra et le micro, puis appuyez sur Réessayer.',
  'rec.help.desktop-1': 'Cliquez sur l’icône de caméra ou de cadenas dans la barre d’adresse.',
  'rec.help.desktop-2': 'Autorisez la caméra et le micro pour ce site, puis appuyez sur Réessayer.',
  'rec.help.desktop-3':
    'Sur un Mac, vérifiez aussi Réglages Système, Confidentialité et sécurité, Caméra.',
  'rec.help.no-mic': 'Nous n’avons trouvé aucun micro.',
  'rec.help.no-mic-how':
    'Branchez un micro ou un casque et appuyez sur Réessayer, ou ouvrez ce lien sur un téléphone.',
  'rec.help.no-camera':
    'Cet entretien demande une caméra, et nous n’en avons trouvé aucune sur cet appareil.',
  'rec.help.no-camera-how':
    'Les réponses à cet entretien doivent être en vidéo, pas seulement avec le son. Branchez une caméra (ou fermez l’application qui l’utilise) et appuyez sur Réessayer, ou ouvrez ce lien sur un téléphone ou un ordinateur équipé d’une caméra.',
  'rec.help.busy': 'Une autre application utilise votre caméra ou votre micro.',
  'rec.help.busy-how':
    'Fermez les appels vidéo et les autres applications de caméra, puis appuyez sur Réessayer.',
  'rec.help.unsupported': 'Ce navigateur ne peut pas utiliser de caméra sur cette page.',
  'rec.help.unsupported-how':
    'Ouvrez ce lien dans une version récente de Chrome, Edge, Firefox ou Safari.',
  'rec.help.failed': 'La caméra s’est arrêtée ou n’a pas pu démarrer.',
  'rec.help.failed-how':
    'Appuyez sur Réessayer. Si cela se reproduit, redémarrez votre navigateur ou utilisez un autre appareil.',
  'rec.media.restarting': 'Remise en marche de la caméra…',
  'rec.media.stopped': 'La caméra ou le micro s’est arrêté.',
  'rec.media.restart': 'Les rallumer',

  // Questions
  'rec.question-of': str`Question ${0} sur ${1}`,
  'rec.practice.title': 'Question d’entraînement',
  'rec.practice.prompt':
    'Entraînement\u202f: présentez-vous en quelques mots. Cette réponse n’est jamais envoyée.',
  'rec.practice.skip': 'Passer l’entraînement',
  'rec.practice.note': 'C’était un entraînement\u202f: rien n’a été envoyé.',
  'rec.practice.done': 'Commencer l’entretien',
  'rec.practice.again': 'Recommencer l’entraînement',
  'rec.practice.stopped': 'Enregistrement arrêté. Vous pouvez revoir votre réponse d’entraînement.',
  'rec.reveal': 'Afficher la question',
  'rec.reveal.record': 'Afficher la question et lancer l’enregistrement',
  'rec.prompt.label': 'Question\u202f:',
  'rec.failed-before':
    'Votre enregistrement précédent de cette question n’a pas pu être traité. Enregistrez-le à nouveau\u202f: cela ne compte pas comme un nouvel essai.',
  'rec.retakes-left.none': 'Plus de nouvel essai pour cette question.',
  'rec.retakes-left.one': 'Encore 1 nouvel essai possible.',
  'rec.retakes-left.other': str`Encore ${0} nouveaux essais possibles.`,
  'rec.think.started': str`Temps de réflexion\u202f: ${0}.`,
  'rec.think.ten': 'L’enregistrement démarre dans 10 secondes.',
  'rec.think.ready': 'Appuyez sur le bouton pour commencer.',
  'rec.think.starts-in': 'L’enregistrement démarre dans',
  'rec.think.resumed': str`Bon retour. Votre temps de réflexion a continué de s’écouler pendant votre absence\u202f: il reste ${0}.`,
  'rec.think.resumed-none':
    'Bon retour. Votre temps de réflexion s’est écoulé pendant votre absence\u202f: l’enregistrement a donc démarré aussitôt.',
  'rec.starting': 'Démarrage…',
  'rec.start-now': 'Lancer l’enregistrement maintenant',
  'rec.recording': 'Enregistrement',
  'rec.recording.started': str`Enregistrement en cours. Vous disposez de ${0}.`,
  'rec.recording.left': str`Plus que ${0}.`,
  'rec.recording.stopped': 'Enregistrement arrêté. Sauvegarde de votre réponse.',
  'rec.paused': 'En pause',
  'rec.paused.why':
    'Enregistrement mis en pause pendant que la page était en arrière-plan. Rien de ce qui a été enregistré n’est perdu.',
  'rec.resume': 'Reprendre l’enregistrement',
  'rec.stop-keep': 'Arrêter et garder cette réponse',
  'rec.time-used': 'Temps de réponse utilisé',
  'rec.time-left': str`Encore ${0}. L’enregistrement s’arrête de lui-même à la limite.`,
  'rec.stop': 'Arrêter l’enregistrement',
  'rec.saving': 'Sauvegarde de votre réponse…',
  'rec.saving.progress': 'Progression de la sauvegarde',
  'rec.saved': 'Votre réponse est sauvegardée.',
  'rec.playback': 'Votre réponse enregistrée',
  'rec.next': 'Question suivante',
  'rec.finish': 'Terminer l’entretien',
  'rec.retake': 'Enregistrer à nouveau',
  'rec.retake.replaces':
    'Un nouvel enregistrement remplace cette réponse une fois qu’il est complet.',
  'rec.ended-early': str`L’enregistrement s’est arrêté plus tôt\u202f: la caméra a été coupée ou la page est passée en arrière-plan. Nous avons gardé ce qui a été enregistré (${0}).`,
  'rec.interrupted.local':
    'Votre dernier enregistrement de cette question a été interrompu. Nous avons gardé ce que vous aviez enregistré.',
  'rec.interrupted.remote': str`Votre dernier enregistrement de cette question a été interrompu. Nous en avons reçu environ ${0}.`,
  'rec.interrupted.nothing':
    'Votre dernier enregistrement de cette question a été interrompu avant que quoi que ce soit nous parvienne. Si vous l’avez enregistré sur un autre appareil, ouvrez ce lien sur celui-ci pour finir l’envoi. Sinon, enregistrez-la à nouveau\u202f: cela ne compte pas comme une nouvelle tentative.',
  'rec.interrupted.recent':
    'Une partie nous est parvenue au cours des deux dernières minutes\u202f: si l’enregistrement se poursuit sur un autre appareil ou dans un autre onglet, terminez-le d’abord là-bas.',
  'rec.interrupted.keep': 'Garder cette partie et continuer',
  'rec.empty-take':
    'Rien n’a été enregistré, cela ne compte donc pas comme une nouvelle tentative. Veuillez enregistrer à nouveau votre réponse.',
  'rec.error.offline-start':
    'Vous semblez hors connexion. Connectez-vous à Internet, puis lancez l’enregistrement.',
  'rec.error.start': 'L’enregistrement n’a pas pu démarrer. Veuillez réessayer.',
  'rec.error.video-required':
    'Cet entretien demande des réponses en vidéo. Rallumez votre caméra, ou ouvrez ce lien sur un appareil équipé d’une caméra.',
  'rec.error.storage':
    'Cet appareil n’a pas pu stocker l’enregistrement. Libérez de l’espace, ou gardez cette page ouverte pendant l’envoi.',

  // Uploads
  'rec.upload.live': 'Envoi pendant l’enregistrement\u202f: à jour.',
  'rec.upload.sending': str`Envoi de votre enregistrement (encore ${0} Mo)`,
  'rec.upload.progress': 'Progression de l’envoi',
  'rec.upload.done': 'Tout ce que vous avez enregistré est envoyé.',
  'rec.upload.offline': str`Hors connexion. ${0} Mo d’enregistrement sont en sécurité sur cet appareil et seront envoyés au retour de la connexion.`,
  'rec.upload.offline-memory':
    'Hors connexion. Gardez cette page ouverte\u202f: votre enregistrement sera envoyé au retour de la connexion.',
  'rec.upload.went-offline':
    'Connexion perdue. Continuez\u202f: votre enregistrement est gardé sur cet appareil.',
  'rec.upload.back-online': 'Connexion rétablie. Envoi de votre enregistrement.',
  'rec.upload.stopped': 'Les envois sont arrêtés.',
  'rec.upload.halted': str`Les envois sont arrêtés\u202f: ${0}`,
  'rec.upload.kept': 'Vos enregistrements restent sur cet appareil.',

  // The end
  'rec.finishing.title': 'Envoi de vos réponses…',
  'rec.finishing.keep-open':
    'Gardez cette page ouverte jusqu’à l’envoi de vos dernières réponses. Tout se termine de soi-même, même après une coupure de connexion.',
  'rec.finished.title': str`Merci, ${0}\u202f!`,
  'rec.finished.body':
    'Votre entretien est terminé et vos réponses ont été envoyées. Vous pouvez fermer cette page.',
  // Issue 9 (recorder on a phone and a weak link): waiting for the connection, quality, tabs,
  // resuming, language
  'rec.prepare.waiting':
    'En attente de la connexion. La question reste masquée jusqu’à son retour.',
  'rec.prepare.busy': 'Préparation…',
  'rec.prepare.offline':
    'En attente de la connexion. Votre question reste masquée et votre temps de réflexion n’a pas commencé\u202f: les deux démarrent dès le retour de la connexion. Votre place dans l’entretien est gardée.',
  'rec.prepare.retry': 'Réessayer maintenant',
  'rec.quality.audio':
    'Votre connexion est trop lente pour la vidéo\u202f: cette réponse est enregistrée avec le son seulement.',
  'rec.quality.lower': str`Pour s’adapter à votre connexion, cette réponse est enregistrée avec une image de qualité réduite (${0}p).`,
  'rec.speed.skip': 'Passer la vérification',
  'rec.speed.lower': str`Votre connexion est lente\u202f: vos réponses seront enregistrées avec une image de qualité réduite (${0}p), pour être envoyées pendant que vous parlez. Le Wi-Fi peut aider.`,
  'cand.welcome.uploading-one':
    'L’une d’elles a été gardée sur cet appareil et est en cours d’envoi.',
  'cand.welcome.uploading-other': str`${0} d’entre elles ont été gardées sur cet appareil et sont en cours d’envoi.`,
  'cand.language': 'Langue',
  'rec.interrupted.other-tab':
    'Cette question est en cours d’enregistrement dans un autre onglet ou une autre fenêtre de ce navigateur. Terminez-la là-bas\u202f: cet onglet n’y touche pas. Rechargez ensuite cette page pour continuer ici.',
  // Data rights: "Your data" (candidate/your-data.ts)
  'cand.data.title': 'Vos données',
  'cand.data.loading': 'Chargement…',
  'cand.data.loadFailed':
    'Impossible de charger cette partie. Refermez-la puis rouvrez-la pour réessayer.',
  'cand.data.erased':
    'Vos données ont été effacées\u202f: votre nom, votre adresse e-mail, vos enregistrements et tout ce qui concerne cet entretien ont disparu.',
  'cand.data.privacyTitle': 'Comment vos données sont utilisées',
  'cand.data.erasedBy': str`Tout ce que vous avez enregistré ici est effacé au plus tard le ${0}.`,
  'cand.data.consented': str`Vous avez donné votre accord le ${0}.`,
  'cand.data.agree': 'J’accepte',
  'cand.data.download': 'Télécharger mes données',
  'cand.data.downloadReadable': 'Télécharger une copie lisible (page web)',
  'cand.export.title': 'Vos données d’entretien',
  'cand.export.none': '—',
  'cand.export.intro': str`Tout ce qui est conservé à votre sujet pour cet entretien, au ${0}.`,
  'cand.export.name': 'Nom',
  'cand.export.email': 'E-mail',
  'cand.export.interview': 'Entretien',
  'cand.export.invited': 'Invitation',
  'cand.export.started': 'Commencé',
  'cand.export.finished': 'Terminé',
  'cand.export.expires': 'Lien valable jusqu’au',
  'cand.export.kept': 'Conservé',
  'cand.export.days': str`${0} jours`,
  'cand.export.answers': 'Vos réponses',
  'cand.export.noAnswers': 'Aucune réponse enregistrée.',
  'cand.export.take': str`Prise ${0}, enregistrée le ${1}`,
  'cand.export.watch': 'Voir cet enregistrement (lien valable un temps limité)',
  'cand.export.application': 'Votre candidature',
  'cand.export.location': 'Lieu',
  'cand.export.yes': 'Oui',
  'cand.export.no': 'Non',
  'cand.export.selfId': 'Votre questionnaire facultatif',
  'cand.export.feedback': 'Le retour que vous avez reçu',
  'cand.export.consent': 'Votre consentement',
  'cand.export.agreed': str`Le ${0}, vous avez accepté cette notice :`,
  'cand.export.notAgreed': 'Vous n’avez pas accepté la notice de confidentialité.',
  'cand.data.downloaded': 'Vos données ont été téléchargées.',
  'cand.data.downloadFailed': 'Impossible de télécharger vos données. Réessayez.',
  'cand.data.erase': 'Effacer mes données…',
  'cand.data.confirmTitle': 'Tout effacer\u202f?',
  'cand.data.confirmBody':
    'Cela supprime votre nom, votre adresse e-mail, chaque enregistrement et réponse que vous avez faits, ainsi que les évaluations, la décision et le retour qui les concernent. Votre lien cessera de fonctionner. C’est irréversible.',
  'cand.data.confirm': 'Tout effacer',
  'cand.data.cancel': 'Annuler',
  'cand.data.eraseFailed': 'Impossible d’effacer vos données. Réessayez.',
  'cand.data.builtInPrivacy':
    'Votre nom, votre adresse e-mail et les enregistrements que vous faites ici servent uniquement à évaluer votre candidature, et seules les personnes qui l’évaluent peuvent les voir. Ils sont effacés automatiquement après la durée de conservation indiquée ci-dessous, ou immédiatement si vous le demandez depuis «\u202fVos données\u202f». Vous pouvez y télécharger une copie de vos données à tout moment.',

  // Structured review (issue 10): the welcome screen's blind-review line
  'cand.welcome.blind':
    'Les évaluateurs ne verront pas votre nom\u202f: ils évaluent seulement vos réponses.',
  // Programmes (branch programme-ui): extra time on request, feedback to come.
  'cand.extraTime.title': 'Besoin de plus de temps ?',
  'cand.extraTime.explain':
    'Vous pouvez disposer d’une fois et demie le temps de réflexion et de réponse, pour chaque question. Vous n’avez pas à vous justifier, et les personnes qui évaluent vos réponses n’en sont pas informées.',
  'cand.extraTime.on':
    'Le temps supplémentaire est activé : les durées ci-dessus en tiennent compte.',
  'cand.extraTime.ask': 'Me donner plus de temps',
  'cand.extraTime.tooLate':
    'Le temps supplémentaire ne peut être choisi qu’avant le début de la première question.',
  'cand.extraTime.failed':
    'Le temps supplémentaire n’a pas pu être activé. Vérifiez votre connexion et réessayez.',
  'rec.finished.feedbackNoEmail':
    'Aucun e-mail ne sera envoyé. Gardez ce lien et rouvrez-le plus tard : une fois vos réponses évaluées, il affichera votre retour.',
  'rec.finished.feedback':
    'Une fois vos réponses évaluées, nous vous préviendrons par e-mail ; ce même lien affichera alors votre retour.',
  // Issue 21: "Record again" asks first; an interrupted retake waits for the candidate's choice.
  'rec.retake.confirm-title': 'Enregistrer à nouveau cette réponse\u202f?',
  'rec.retake.kept':
    'Votre réponse enregistrée est conservée jusqu’à ce que le nouvel enregistrement soit complet.',
  'rec.retake.interrupted':
    'Si le nouvel enregistrement est interrompu, vous choisirez celui que vous gardez.',
  'rec.retake.cost': str`Enregistrer à nouveau utilise 1 de vos ${0} nouveaux essais restants.`,
  'rec.retake.cost-last':
    'Enregistrer à nouveau utilise votre dernier nouvel essai pour cette question.',
  'rec.retake.cancel': 'Annuler',
  'rec.choose.announce':
    'Votre nouvel enregistrement a été interrompu. Votre réponse précédente est conservée jusqu’à ce que vous choisissiez celle que vous gardez.',
  'rec.choose.why':
    'Votre nouvel enregistrement de cette question a été interrompu. Rien n’est remplacé tant que vous n’avez pas choisi.',
  'rec.choose.title': 'Quelle réponse voulez-vous garder\u202f?',
  'rec.choose.earlier-length': str`Votre réponse précédente\u202f: complète, d’une durée de ${0}.`,
  'rec.choose.earlier': 'Votre réponse précédente\u202f: complète.',
  'rec.choose.interrupted': str`Votre nouvel enregistrement\u202f: interrompu après environ ${0}.`,
  'rec.choose.playback': 'Votre nouvel enregistrement, interrompu',
  'rec.choose.keep-earlier': 'Garder ma réponse précédente',
  'rec.choose.keep-new': 'Garder le nouvel enregistrement',
  'rec.choose.cost':
    'Dans les deux cas, le nouvel enregistrement a utilisé un nouvel essai. La réponse que vous ne gardez pas n’est pas évaluée.',
  'rec.choose.kept-earlier': 'Votre réponse précédente est conservée.',
  'rec.choose.kept-earlier-note':
    'Vous avez gardé votre réponse précédente. L’enregistrement interrompu est mis de côté et ne sera pas évalué.',
  'rec.choose.kept-new': 'Envoi de votre nouvel enregistrement.',
  ...selfIdFr,
};
