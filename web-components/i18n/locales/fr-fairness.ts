import { str } from '@lit/localize';
import type { Translations } from './translations.js';

/**
 * French for fairness and calibration (ids `ws.fair.*`, `ws.cal.*`, `ws.gate.*`,
 * `cand.selfid.*`). In `str` templates, `${0}`… stand for the English message's values in order.
 */
export const selfIdFr: Translations = {
  // Candidate: voluntary self-identification
  'cand.selfid.title': 'Facultatif\u202f: aidez-nous à vérifier que notre processus est équitable',
  'cand.selfid.why':
    'Nous vérifions que chaque étape de notre processus traite de la même façon les différents groupes de candidats. Ces questions nous y aident. Y répondre est facultatif\u202f: refuser, ou passer une question, ne change rien à l’évaluation de votre entretien.',
  'cand.selfid.who':
    'Qui voit vos réponses\u202f: personne parmi ceux qui évaluent votre entretien ou décident à son sujet. Elles sont conservées à part\u202f; seuls les administrateurs voient des totaux, pour des groupes d’au moins 5 personnes, dans un rapport d’équité. Vous les retrouvez dans le téléchargement de vos données et pouvez les effacer avec tout le reste.',
  'cand.selfid.declined': 'Je préfère ne pas répondre',
  'cand.selfid.save': 'Enregistrer mes réponses',
  'cand.selfid.skip': 'Non merci',
  'cand.selfid.saved': 'Merci. Vos réponses sont enregistrées à part de votre entretien.',
  'cand.selfid.dismissed': 'Aucun souci\u202f: rien n’a été envoyé.',
  'cand.selfid.failed':
    'Vos réponses n’ont pas pu être enregistrées. Réessayez, ou laissez\u202f: c’est facultatif.',
};

export const fairnessFr: Translations = {
  // Workspace: adverse impact
  'ws.fair.title': 'Équité',
  'ws.fair.explain':
    'Pour chaque étape, la part de chaque groupe de candidats qui l’a franchie, comparée à celle du groupe dont la part est la plus élevée. Un groupe est signalé quand sa part est inférieure aux quatre cinquièmes (80 %) de la plus élevée et que le test exact de Fisher indique qu’un tel écart est peu probable par hasard (p < 0,05).',
  'ws.fair.limits':
    'Un signalement invite à examiner l’étape — les questions, la grille, les évaluateurs —, il ne prouve pas une discrimination\u202f; l’absence de signalement ne prouve pas l’équité. Avec peu de personnes, de vrais écarts passent souvent inaperçus et une seule personne fait beaucoup varier les chiffres. Les groupes de moins de 5 personnes ne sont pas affichés\u202f; les candidats qui ont refusé de répondre ne forment jamais un groupe. Les réponses de référence (calibrage) sont exclues. Voir docs/fairness.md.',
  'ws.fair.formTitle': 'Auto-identification volontaire',
  'ws.fair.formToggle':
    'Proposer le questionnaire aux candidats une fois l’entretien terminé (facultatif, jamais obligatoire)',
  'ws.fair.formQuestions': str`Questions\u202f: ${0}`,
  'ws.fair.formOn': 'Le questionnaire est désormais proposé aux candidats à la fin de l’entretien.',
  'ws.fair.formOff': 'Le questionnaire n’est plus proposé aux candidats.',
  'ws.fair.location': 'Lieu',
  'ws.fair.allLocations': 'Tous les lieux',
  'ws.fair.stage.completed': 'Ont terminé l’entretien',
  'ws.fair.stage.advanced': 'Retenus (parmi ceux qui ont terminé)',
  'ws.fair.stage.median': 'Notés au-dessus de la médiane (parmi les candidats notés)',
  'ws.fair.noGroups': 'Aucun groupe n’atteint 5 personnes\u202f: rien à comparer.',
  'ws.fair.chartFlagged': str`Signalés\u202f: ${0}.`,
  'ws.fair.chartNone': 'Aucun groupe signalé.',
  'ws.fair.lineLabel': '4/5 du plus élevé',
  'ws.fair.group': 'Groupe',
  'ws.fair.n': 'Personnes',
  'ws.fair.selected': 'Ont franchi l’étape',
  'ws.fair.rate': 'Taux',
  'ws.fair.ratio': 'Rapport d’impact',
  'ws.fair.fisher': 'p (Fisher)',
  'ws.fair.flag': 'Signalement',
  'ws.fair.reference': 'référence',
  'ws.fair.flagged': 'signalé',
  'ws.fair.notFlagged': 'non',
  'ws.fair.suppressed': str`Moins de 5 personnes, non affichés\u202f: ${0}.`,

  // Workspace: calibration
  'ws.cal.title': 'Calibrage des évaluateurs',
  'ws.cal.explain':
    'Les premières notes de chaque évaluateur sur les réponses de référence (notées par un expert), comparées à celles de l’expert\u202f: le biais est la moyenne de (note − expert), positif quand l’évaluateur est plus indulgent\u202f; l’erreur, l’écart moyen\u202f; exact et à un point près, la part des notes égales à celle de l’expert ou à un point d’elle. Une alerte signifie qu’au moins 5 notes récentes s’écartent en moyenne de 0,75 point ou plus\u202f: c’est le moment d’une discussion de calibrage, pas un jugement sur la personne.',
  'ws.cal.none': 'Personne n’a encore noté de réponse de référence.',
  'ws.cal.alarm': str`Alerte\u202f: dérive récente ${0}`,
  'ws.cal.rated': 'Notées',
  'ws.cal.bias': 'Biais',
  'ws.cal.mae': 'Erreur moyenne',
  'ws.cal.exact': 'Exactes',
  'ws.cal.adjacent': 'À un point près',
  'ws.cal.recent': 'Biais récent (10 dernières)',
  'ws.cal.chartLabel': str`Note moins expert sur les ${0} dernières réponses de référence\u202f: ${1}`,

  // Workspace: the sealed warning before results and reliability
  'ws.gate.title': 'Avant d’ouvrir ces chiffres',
  'ws.gate.body':
    'Vous notez aussi des réponses de cet entretien. Ces chiffres montrent les notes de tous vos collègues\u202f: une fois ouverts, les notes que vous donnerez ensuite aux réponses déjà notées par des collègues ne compteront plus dans l’accord entre évaluateurs, car elles n’auront pas été données à l’aveugle.',
  'ws.gate.left': str`Il vous reste ${0} réponse(s) à noter ici.`,
  'ws.gate.rate': 'Noter d’abord',
  'ws.gate.open': 'Ouvrir quand même',
  'ws.gate.download': 'Télécharger quand même',
};
