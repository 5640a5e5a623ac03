/**
 * A built-in library of competencies for client-facing roles, with "what to look for" guidance
 * and example anchors (what an answer at 1, 3 and 5 looks like), in English and French. Plain
 * data, no Node imports: the workspace imports it to let a recruiter start from it and edit.
 */
import type { Anchors } from './review.js';

export interface LibraryCompetency {
  key: string;
  name: string;
  description: string;
  guidance: string;
  anchors: Anchors;
}

export type LibraryLanguage = 'en' | 'fr';

const EN: LibraryCompetency[] = [
  {
    key: 'client-focus',
    name: 'Client focus',
    description: 'Understands what clients need and acts to meet it.',
    guidance:
      'Listen for a real client, what they needed (not only what they asked for), what the candidate did and how they checked the client was satisfied.',
    anchors: {
      '1': 'Talks about clients in general terms; no example of acting on a client need.',
      '3': 'Gives an example of solving a client request as asked, with a clear outcome.',
      '5': 'Uncovers the need behind the request, acts on it, follows up and can say what changed for the client.',
    },
  },
  {
    key: 'communication',
    name: 'Communication',
    description: 'Explains clearly and adapts to the listener.',
    guidance:
      'Listen for structure (situation, action, result), plain words and whether the answer fits the time. Accent and fluency in the interview language are not the point.',
    anchors: {
      '1': 'Hard to follow: no clear point or order; the question is not really answered.',
      '3': 'Answers the question in a clear order; some detail is missing or repeated.',
      '5': 'Concise and well ordered; adapts the explanation to who they were talking to and checks understanding.',
    },
  },
  {
    key: 'teamwork',
    name: 'Teamwork',
    description: 'Works with others towards a shared goal.',
    guidance:
      'Listen for "we" and "I" both: what the team did, what the candidate did in it, and how they handled a disagreement.',
    anchors: {
      '1': 'Describes working alone or blames others; no sense of a shared goal.',
      '3': 'Describes their part in a team effort and cooperating with colleagues.',
      '5': 'Helps the team succeed: shares information, resolves a disagreement constructively, credits others.',
    },
  },
  {
    key: 'integrity',
    name: 'Integrity',
    description: 'Is honest and keeps commitments, also when it costs something.',
    guidance:
      'Listen for a situation with a real temptation or pressure, what the candidate chose and why, and whether they owned a mistake.',
    anchors: {
      '1': 'No example, or an example where rules were bent without reflection.',
      '3': 'Follows the rules and keeps promises in the example given.',
      '5': 'Chose the honest course under pressure, owned a mistake openly and put it right.',
    },
  },
  {
    key: 'drive-to-learn',
    name: 'Drive to learn',
    description: 'Seeks out new skills and learns from feedback and setbacks.',
    guidance:
      'Listen for something the candidate learned on their own initiative, how they went about it, and what they do differently since.',
    anchors: {
      '1': 'No example of learning beyond what was required.',
      '3': 'Learned something new when the situation required it and applied it.',
      '5': 'Sought out learning unprompted, used feedback or a setback to improve and can show the result.',
    },
  },
];

const FR: LibraryCompetency[] = [
  {
    key: 'client-focus',
    name: 'Orientation client',
    description: 'Comprend les besoins des clients et agit pour y répondre.',
    guidance:
      'Cherchez un vrai client, ce dont il avait besoin (pas seulement ce qu’il a demandé), ce que la personne a fait et comment elle a vérifié la satisfaction du client.',
    anchors: {
      '1': 'Parle des clients en termes généraux ; aucun exemple d’action pour répondre à un besoin.',
      '3': 'Donne un exemple de demande client traitée comme demandé, avec un résultat clair.',
      '5': 'Découvre le besoin derrière la demande, agit, fait un suivi et sait dire ce qui a changé pour le client.',
    },
  },
  {
    key: 'communication',
    name: 'Communication',
    description: 'S’exprime clairement et s’adapte à son interlocuteur.',
    guidance:
      'Cherchez une structure (situation, action, résultat), des mots simples et une réponse qui tient dans le temps. L’accent et l’aisance dans la langue de l’entretien ne sont pas le sujet.',
    anchors: {
      '1': 'Difficile à suivre : pas d’idée ni d’ordre clairs ; la question n’est pas vraiment traitée.',
      '3': 'Répond à la question dans un ordre clair ; quelques détails manquent ou se répètent.',
      '5': 'Concis et bien organisé ; adapte l’explication à son interlocuteur et vérifie la compréhension.',
    },
  },
  {
    key: 'teamwork',
    name: 'Travail en équipe',
    description: 'Travaille avec les autres vers un objectif commun.',
    guidance:
      'Cherchez à la fois le « nous » et le « je » : ce que l’équipe a fait, le rôle de la personne et sa façon de gérer un désaccord.',
    anchors: {
      '1': 'Décrit un travail en solitaire ou rejette la faute sur les autres ; pas d’objectif commun.',
      '3': 'Décrit sa part dans un effort collectif et sa coopération avec ses collègues.',
      '5': 'Aide l’équipe à réussir : partage l’information, résout un désaccord de façon constructive, reconnaît le travail des autres.',
    },
  },
  {
    key: 'integrity',
    name: 'Intégrité',
    description: 'Est honnête et tient ses engagements, même quand cela coûte.',
    guidance:
      'Cherchez une situation de vraie tentation ou de pression, le choix fait et pourquoi, et si la personne a reconnu une erreur.',
    anchors: {
      '1': 'Aucun exemple, ou un exemple où les règles ont été contournées sans recul.',
      '3': 'Respecte les règles et tient ses promesses dans l’exemple donné.',
      '5': 'A choisi l’honnêteté sous la pression, a reconnu ouvertement une erreur et l’a réparée.',
    },
  },
  {
    key: 'drive-to-learn',
    name: 'Envie d’apprendre',
    description:
      'Cherche à acquérir de nouvelles compétences et apprend des retours et des échecs.',
    guidance:
      'Cherchez quelque chose que la personne a appris de sa propre initiative, comment elle s’y est prise et ce qu’elle fait autrement depuis.',
    anchors: {
      '1': 'Aucun exemple d’apprentissage au-delà de ce qui était exigé.',
      '3': 'A appris quelque chose de nouveau quand la situation l’exigeait et l’a appliqué.',
      '5': 'A cherché à apprendre sans qu’on le demande, s’est servi d’un retour ou d’un échec pour progresser et peut en montrer le résultat.',
    },
  },
];

export const COMPETENCY_LIBRARY: Readonly<Record<LibraryLanguage, readonly LibraryCompetency[]>> = {
  en: EN,
  fr: FR,
};

/** The library in a language (English for any other). */
export function competencyLibrary(lang: string): readonly LibraryCompetency[] {
  return lang === 'fr' ? FR : EN;
}
