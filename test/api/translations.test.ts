/**
 * Issue 21 item 2: organisers write their texts in English and French (`translations`), and
 * candidates read them in their language, falling back to the text as written.
 */
import assert from 'node:assert/strict';
import type { Interview } from '../../server/contracts/api.js';
import { draftText } from '../../server/domain/feedback/prefill.js';
import { Api, createInterview, invite } from '../helpers/api.js';
import { BOTH_SETUPS } from '../helpers/test-server.js';
import { createProgramme } from './programmes-support.js';
import { expectInvalid, recordReadyClip, useClockedServer } from './support.js';

/** An interview written in English with a French version of everything but the 2nd prompt. */
const BILINGUAL = {
  title: 'Support engineer',
  intro: 'Welcome!',
  translations: { fr: { title: 'Ingénieur support', intro: 'Bienvenue !' } },
  questions: [
    {
      prompt: 'Tell us about a problem you solved recently.',
      thinkSeconds: 30,
      maxSeconds: 60,
      retakes: 1,
      translations: { fr: { prompt: 'Parlez-nous d’un problème que vous avez résolu.' } },
    },
    { prompt: 'Why does this role interest you?', thinkSeconds: 30, maxSeconds: 60, retakes: 0 },
  ],
};

for (const setup of BOTH_SETUPS) {
  describe(`Texts in English and French (${setup.name})`, function () {
    this.timeout(60_000);
    let server: { url: string };
    let admin: Api;
    const clock = useClockedServer(setup, (s) => ({ server, admin } = s));

    /** A candidate in `language` who answered the one question and finished. */
    async function finishedIn(interview: Interview, language: 'en' | 'fr') {
      const [invited] = await invite(admin, interview.id, 1, { language });
      const answer = await recordReadyClip(invited!.candidate, interview.questions[0]!.id);
      assert.equal((await invited!.candidate.post('/candidate/finish')).status, 200);
      assert.equal((await admin.put(`/answers/${answer.id}/ratings/me`, { score: 4 })).status, 200);
      return invited!;
    }

    async function sessionOf(interview: Interview, language: 'en' | 'fr', query = '') {
      const [invited] = await invite(admin, interview.id, 1, { language });
      const res = await invited!.candidate.get(`/candidate/session${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.interview;
    }

    it('saves French texts beside the originals, reads them back, and a PATCH replaces them', async () => {
      const interview = await createInterview(admin, BILINGUAL);
      assert.equal(interview.title, 'Support engineer');
      assert.deepEqual(interview.translations, BILINGUAL.translations);
      assert.deepEqual(interview.questions[0]!.translations, BILINGUAL.questions[0]!.translations);
      assert.equal(interview.questions[1]!.translations, undefined);

      const read = (await admin.get(`/interviews/${interview.id}`)).body;
      assert.deepEqual(read.translations, BILINGUAL.translations);
      assert.equal(read.questions[0].prompt, BILINGUAL.questions[0]!.prompt);

      // An edit after a candidate answered may still add a translation; left out, one stays.
      const questions = read.questions.map((q: any, i: number) => ({
        id: q.id,
        ...BILINGUAL.questions[i],
        translations: i === 1 ? { fr: { prompt: 'Pourquoi ce poste ?' } } : undefined,
      }));
      const patched = await admin.request('PATCH', `/interviews/${interview.id}`, {
        translations: { fr: { title: 'Technicien support' }, en: {} },
        questions,
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.deepEqual(patched.body.translations, { fr: { title: 'Technicien support' } });
      assert.deepEqual(
        patched.body.questions.map((q: any) => q.translations?.fr?.prompt),
        ['Parlez-nous d’un problème que vous avez résolu.', 'Pourquoi ce poste ?'],
      );
    });

    it('refuses a translation longer than its original may be, or in another language, and changes nothing', async () => {
      const interview = await createInterview(admin, BILINGUAL);
      const tooLong = await admin.request('PATCH', `/interviews/${interview.id}`, {
        translations: { fr: { title: 'x'.repeat(201) } },
      });
      expectInvalid(tooLong, 'translations.fr.title');
      const german = await admin.request('PATCH', `/interviews/${interview.id}`, {
        translations: { de: { title: 'Support-Ingenieur' } },
      });
      expectInvalid(german);
      const controls = await admin.post('/interviews', {
        ...BILINGUAL,
        questions: [{ ...BILINGUAL.questions[1], translations: { fr: { prompt: 'a\u202Eb' } } }],
      });
      expectInvalid(controls, 'questions.0.translations.fr.prompt');
      const after = (await admin.get(`/interviews/${interview.id}`)).body;
      assert.deepEqual(after.translations, BILINGUAL.translations);
    });

    it('a candidate invited in French reads French, with the text as written where none is; in English, English', async () => {
      const interview = await createInterview(admin, BILINGUAL);
      const french = await sessionOf(interview, 'fr');
      assert.equal(french.title, 'Ingénieur support');
      assert.equal(french.intro, 'Bienvenue !');
      assert.deepEqual(
        french.questions.map((q: any) => q.prompt),
        ['Parlez-nous d’un problème que vous avez résolu.', 'Why does this role interest you?'],
      );
      assert.equal(french.questions[0].translations, undefined, 'candidates get one text');

      const english = await sessionOf(interview, 'en');
      assert.equal(english.title, 'Support engineer');
      assert.equal(english.questions[0].prompt, BILINGUAL.questions[0]!.prompt);
      // The page switched to English reads English, whatever the invitation said.
      const switched = await sessionOf(interview, 'fr', '?language=en');
      assert.equal(switched.questions[0].prompt, BILINGUAL.questions[0]!.prompt);
    });

    it('falls back to the other language when the text as written is empty', async () => {
      const interview = await createInterview(admin, {
        intro: '',
        translations: { fr: { intro: 'Seulement en français.' } },
      });
      assert.equal((await sessionOf(interview, 'en')).intro, 'Seulement en français.');
    });

    it('feedback in French: competency names and the anchors that prefill it, with fallback', async () => {
      const interview = await createInterview(admin, {
        competencies: [
          {
            key: 'communication',
            name: 'Communication',
            translations: { fr: { name: 'Expression orale' } },
          },
          { key: 'teamwork', name: 'Teamwork' },
        ],
        questions: [
          {
            ...BILINGUAL.questions[0],
            competency: 'communication',
            anchors: { '4': 'Gives a clear, well organised answer.', '5': 'Compelling.' },
            translations: { fr: { anchors: { '4': 'Une réponse claire et bien construite.' } } },
          },
        ],
      });
      assert.deepEqual(interview.competencies[0]!.translations, {
        fr: { name: 'Expression orale' },
      });
      const french = await finishedIn(interview, 'fr');
      const draft = await admin.get(`/invitations/${french.invitation.id}/feedback`);
      // The draft speaks French to the candidate and quotes the anchor's French version.
      assert.deepEqual(
        draft.body.competencies.map((c: any) => [c.name, c.text]),
        [
          ['Expression orale', draftText(['Une réponse claire et bien construite.'], 'fr')],
          ['Teamwork', ''],
        ],
      );
      assert.match(draft.body.competencies[0].text, /^Vos réponses .*\n«\s*Une réponse claire/);
      const texts = draft.body.competencies.map(({ key, text }: any) => ({
        key,
        text: text || 'Ok.',
      }));
      const feedbackPath = `/invitations/${french.invitation.id}/feedback`;
      assert.equal((await admin.put(feedbackPath, { competencies: texts })).status, 200);
      assert.equal((await admin.post(`${feedbackPath}/release`)).status, 200);
      const read = await french.candidate.get('/candidate/feedback');
      assert.deepEqual(
        read.body.competencies.map((c: any) => c.name),
        ['Expression orale', 'Teamwork'],
      );

      const english = await finishedIn(interview, 'en');
      const draftEn = await admin.get(`/invitations/${english.invitation.id}/feedback`);
      assert.deepEqual(
        draftEn.body.competencies.map((c: any) => [c.name, c.text]),
        [
          ['Communication', draftText(['Gives a clear, well organised answer.'], 'en')],
          ['Teamwork', ''],
        ],
      );
    });

    it('the public programme speaks French with ?language=fr: title, intro, eligibility prompts', async () => {
      const { slug, interview } = await createProgramme(admin, clock.now(), {
        eligibility: [
          {
            key: 'right-to-work',
            prompt: 'Do you have the right to work in France?',
            requiredAnswer: true,
            translations: { fr: { prompt: 'Avez-vous le droit de travailler en France ?' } },
          },
          { key: 'under-26', prompt: 'Are you under 26?', requiredAnswer: true },
        ],
      });
      await admin.request('PATCH', `/interviews/${interview.id}`, {
        translations: BILINGUAL.translations,
      });
      const anyone = new Api(server.url);
      const fr = (await anyone.get(`/public/programmes/${slug}?language=fr`)).body;
      assert.equal(fr.title, 'Ingénieur support');
      assert.deepEqual(
        fr.eligibility.map((e: any) => e.prompt),
        ['Avez-vous le droit de travailler en France ?', 'Are you under 26?'],
      );
      const en = (await anyone.get(`/public/programmes/${slug}`)).body;
      assert.equal(en.title, 'Support engineer');
      assert.deepEqual(Object.keys(en.eligibility[0]).sort(), ['key', 'prompt']);
      const staffView = (await admin.get(`/interviews/${interview.id}`)).body;
      assert.equal(
        staffView.public.eligibility[0].translations.fr.prompt,
        'Avez-vous le droit de travailler en France ?',
      );
    });
  });
}
