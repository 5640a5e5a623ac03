import type { EmailKind, Language } from '../../contracts/programmes.js';

/** What a message may mention. Only the candidate's own link is ever a secret in it. */
export interface EmailVars {
  name: string;
  interviewTitle: string;
  /** The candidate's link, when the message carries one. */
  url?: string;
  /** When the interview closes for them (ISO); shown in the reader's language, in UTC. */
  closesAt?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Copy {
  subject: (v: EmailVars) => string;
  greeting: (v: EmailVars) => string;
  body: (v: EmailVars, when: string) => string[];
  action?: string;
}

const EN: Record<EmailKind, Copy> = {
  invitation: {
    subject: (v) => `Your video interview: ${v.interviewTitle}`,
    greeting: (v) => `Hello ${v.name},`,
    body: (_v, when) => [
      'You are invited to record a short video interview, on your phone or a computer, whenever suits you.',
      `Your link works until ${when}. Keep it to yourself: it opens your interview.`,
    ],
    action: 'Start my interview',
  },
  application: {
    subject: (v) => `Your application: ${v.interviewTitle}`,
    // No name: the form's name is unverified, and this mail goes wherever the form said.
    greeting: () => 'Hello,',
    body: (_v, when) => [
      'Thank you for applying. The next step is a short video interview that you record whenever suits you.',
      `Your link works until ${when}. If you applied more than once, use the link in the newest message.`,
      'If you did not apply, you can ignore this message.',
    ],
    action: 'Start my interview',
  },
  reminder: {
    subject: (v) => `Reminder: your video interview closes soon (${v.interviewTitle})`,
    greeting: (v) => `Hello ${v.name},`,
    body: (v, when) => [
      `Your video interview closes on ${when}.`,
      v.url
        ? 'Here is your link. It replaces the one in our earlier email.'
        : 'Continue with the link from our earlier email: your answers so far are kept.',
    ],
    action: 'Open my interview',
  },
  receipt: {
    subject: (v) => `We received your interview: ${v.interviewTitle}`,
    greeting: (v) => `Hello ${v.name},`,
    body: () => [
      'Thank you: we have received every answer of your video interview.',
      'The team reviews interviews after the closing date. We will write to you when your feedback is ready.',
    ],
  },
  feedback: {
    subject: (v) => `Your feedback is ready: ${v.interviewTitle}`,
    greeting: (v) => `Hello ${v.name},`,
    body: () => [
      'Your feedback on the interview is ready to read.',
      'This link replaces earlier ones and keeps working after the interview has closed.',
    ],
    action: 'Read my feedback',
  },
  aftercare: {
    subject: (v) => `Your new link: ${v.interviewTitle}`,
    greeting: (v) => `Hello ${v.name},`,
    body: () => [
      'Here is a new link to your interview page. It replaces earlier links.',
      'It shows your feedback once the team has released it, and lets you download or erase your data. The interview itself is closed.',
    ],
    action: 'Open my page',
  },
};

const FR: Record<EmailKind, Copy> = {
  invitation: {
    subject: (v) => `Votre entretien vidéo : ${v.interviewTitle}`,
    greeting: (v) => `Bonjour ${v.name},`,
    body: (_v, when) => [
      'Vous êtes invité·e à enregistrer un court entretien vidéo, sur votre téléphone ou un ordinateur, au moment qui vous convient.',
      `Votre lien fonctionne jusqu’au ${when}. Gardez-le pour vous : il ouvre votre entretien.`,
    ],
    action: 'Commencer mon entretien',
  },
  application: {
    subject: (v) => `Votre candidature : ${v.interviewTitle}`,
    greeting: () => 'Bonjour,',
    body: (_v, when) => [
      'Merci pour votre candidature. L’étape suivante est un court entretien vidéo, à enregistrer quand vous le souhaitez.',
      `Votre lien fonctionne jusqu’au ${when}. Si vous avez postulé plusieurs fois, utilisez le lien du message le plus récent.`,
      'Si vous n’avez pas postulé, vous pouvez ignorer ce message.',
    ],
    action: 'Commencer mon entretien',
  },
  reminder: {
    subject: (v) => `Rappel : votre entretien vidéo se termine bientôt (${v.interviewTitle})`,
    greeting: (v) => `Bonjour ${v.name},`,
    body: (v, when) => [
      `Votre entretien vidéo se termine le ${when}.`,
      v.url
        ? 'Voici votre lien. Il remplace celui de notre précédent message.'
        : 'Reprenez avec le lien de notre précédent message : vos réponses déjà enregistrées sont conservées.',
    ],
    action: 'Ouvrir mon entretien',
  },
  receipt: {
    subject: (v) => `Nous avons bien reçu votre entretien : ${v.interviewTitle}`,
    greeting: (v) => `Bonjour ${v.name},`,
    body: () => [
      'Merci : nous avons bien reçu toutes les réponses de votre entretien vidéo.',
      'L’équipe examine les entretiens après la date de clôture. Nous vous écrirons quand votre retour sera prêt.',
    ],
  },
  feedback: {
    subject: (v) => `Votre retour est prêt : ${v.interviewTitle}`,
    greeting: (v) => `Bonjour ${v.name},`,
    body: () => [
      'Le retour sur votre entretien est prêt.',
      'Ce lien remplace les précédents et reste valable après la clôture de l’entretien.',
    ],
    action: 'Lire mon retour',
  },
  aftercare: {
    subject: (v) => `Votre nouveau lien : ${v.interviewTitle}`,
    greeting: (v) => `Bonjour ${v.name},`,
    body: () => [
      'Voici un nouveau lien vers votre page d’entretien. Il remplace les précédents.',
      'Il affiche votre retour dès que l’équipe l’a publié, et vous permet de télécharger ou d’effacer vos données. L’entretien lui-même est clos.',
    ],
    action: 'Ouvrir ma page',
  },
};

const SIGN_OFF: Record<Language, string> = {
  en: 'This message was sent because of your interview. Please do not reply to it.',
  fr: 'Ce message vous est envoyé au sujet de votre entretien. Merci de ne pas y répondre.',
};

function formatWhen(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  return `${new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso))} UTC`;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A message in plain text and in HTML. The HTML is one column of real text with a language, a
 * title, a link whose words say where it goes, no images and nothing that phones home.
 */
export function renderEmail(kind: EmailKind, language: Language, vars: EmailVars): RenderedEmail {
  const copy = (language === 'fr' ? FR : EN)[kind];
  const when = formatWhen(vars.closesAt, language);
  const subject = copy.subject(vars);
  const paragraphs = copy.body(vars, when);
  const action = vars.url && copy.action ? { label: copy.action, url: vars.url } : null;

  const text = [
    copy.greeting(vars),
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '-- ',
    SIGN_OFF[language],
  ].join('\n');

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<main style="max-width:36em;margin:0 auto">
<p>${e(copy.greeting(vars))}</p>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${
  action
    ? `<p><a href="${e(action.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;text-decoration:underline;border-radius:6px;font-weight:600">${e(action.label)}</a></p>
<p style="font-size:14px">${e(action.url)}</p>`
    : ''
}
<hr style="border:none;border-top:1px solid #cccccc">
<p style="font-size:14px;color:#444444">${e(SIGN_OFF[language])}</p>
</main>
</body>
</html>`;
  return { subject, text, html };
}
