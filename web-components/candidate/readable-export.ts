import { msg, str } from '@lit/localize';
import { formattingLocale } from '../i18n/formatting-locale.js';

/** What GET /candidate/export answers (server/domain/privacy/candidate-export.ts), as read here. */
export interface CandidateExport {
  exportedAt: string;
  name: string;
  email: string;
  interview: { title: string; deadline: string | null };
  invitation: {
    status: string;
    invitedAt: string;
    startedAt: string | null;
    completedAt: string | null;
    expiresAt: string | null;
  };
  consent: { at: string; text: string | null } | null;
  retentionDays: number | null;
  answers: {
    question: { number: number; prompt: string };
    attempt: number;
    status: string;
    durationMs: number | null;
    recordedAt: string;
    videoUrl: string | null;
  }[];
  application: {
    location: string | null;
    eligibility: { prompt: string; answer: boolean }[];
    consentAt: string | null;
  } | null;
  feedback: { summary?: string; competencies?: { name?: string; text?: string }[] } | null;
  selfIdentification?: { question: string; answer: string }[] | null;
}

const PRINT_STYLES = `
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1f; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #767676; }
  dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
  li { margin-bottom: 0.75rem; } a { color: #0b57d0; overflow-wrap: anywhere; }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.5rem; } }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

/**
 * The candidate's data export as a page a person reads or prints (issue 21): the same facts as
 * the JSON file, in the language of the candidate's page, with dates written out. Built with
 * DOM text nodes, never as HTML strings, so nothing they or staff typed can become markup.
 */
export function readableExport(data: CandidateExport, language: string): string {
  const locale = formattingLocale(language);
  const doc = document.implementation.createHTMLDocument(
    msg('Your interview data', { id: 'cand.export.title' }),
  );
  doc.documentElement.lang = language;
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  const viewport = doc.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  doc.head.prepend(meta, viewport);
  const style = doc.createElement('style');
  style.textContent = PRINT_STYLES;
  doc.head.append(style);

  const when = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
      : msg('—', { id: 'cand.export.none' });
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, text?: string) => {
    const element = doc.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
  };
  const facts = (rows: [string, string][]) => {
    const list = add(doc.body, 'dl');
    for (const [term, value] of rows) {
      add(list, 'dt', term);
      add(list, 'dd', value);
    }
  };

  add(doc.body, 'h1', msg('Your interview data', { id: 'cand.export.title' }));
  add(
    doc.body,
    'p',
    msg(str`Everything held about you for this interview, as of ${when(data.exportedAt)}.`, {
      id: 'cand.export.intro',
    }),
  );
  facts([
    [msg('Name', { id: 'cand.export.name' }), data.name],
    [msg('Email', { id: 'cand.export.email' }), data.email],
    [msg('Interview', { id: 'cand.export.interview' }), data.interview.title],
    [msg('Invited', { id: 'cand.export.invited' }), when(data.invitation.invitedAt)],
    [msg('Started', { id: 'cand.export.started' }), when(data.invitation.startedAt)],
    [msg('Finished', { id: 'cand.export.finished' }), when(data.invitation.completedAt)],
    [msg('Link valid until', { id: 'cand.export.expires' }), when(data.invitation.expiresAt)],
    [
      msg('Kept for', { id: 'cand.export.kept' }),
      data.retentionDays === null
        ? msg('—', { id: 'cand.export.none' })
        : msg(str`${data.retentionDays} days`, { id: 'cand.export.days' }),
    ],
  ]);

  add(doc.body, 'h2', msg('Your answers', { id: 'cand.export.answers' }));
  const answers = add(doc.body, 'ol');
  if (data.answers.length === 0)
    add(doc.body, 'p', msg('No recorded answers.', { id: 'cand.export.noAnswers' }));
  for (const answer of data.answers) {
    const item = add(answers, 'li');
    add(item, 'strong', answer.question.prompt);
    add(
      item,
      'p',
      msg(str`Take ${answer.attempt}, recorded ${when(answer.recordedAt)}`, {
        id: 'cand.export.take',
      }),
    );
    if (answer.videoUrl) {
      const link = add(
        add(item, 'p'),
        'a',
        msg('Watch this recording (link valid for a limited time)', { id: 'cand.export.watch' }),
      );
      link.href = answer.videoUrl;
    }
  }

  if (data.application) {
    add(doc.body, 'h2', msg('Your application', { id: 'cand.export.application' }));
    facts([
      [
        msg('Location', { id: 'cand.export.location' }),
        data.application.location ?? msg('—', { id: 'cand.export.none' }),
      ],
      ...data.application.eligibility.map((q): [string, string] => [
        q.prompt,
        q.answer ? msg('Yes', { id: 'cand.export.yes' }) : msg('No', { id: 'cand.export.no' }),
      ]),
    ]);
  }
  if (data.selfIdentification) {
    add(doc.body, 'h2', msg('Your optional questionnaire', { id: 'cand.export.selfId' }));
    facts(data.selfIdentification.map((a): [string, string] => [a.question, a.answer]));
  }
  if (data.feedback?.summary) {
    add(doc.body, 'h2', msg('Feedback you received', { id: 'cand.export.feedback' }));
    add(doc.body, 'p', data.feedback.summary);
  }
  add(doc.body, 'h2', msg('Your consent', { id: 'cand.export.consent' }));
  add(
    doc.body,
    'p',
    data.consent
      ? msg(str`You agreed on ${when(data.consent.at)} to this notice:`, {
          id: 'cand.export.agreed',
        })
      : msg('You have not agreed to the privacy notice.', { id: 'cand.export.notAgreed' }),
  );
  if (data.consent?.text) add(doc.body, 'blockquote', data.consent.text);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
