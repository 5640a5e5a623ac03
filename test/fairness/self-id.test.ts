import assert from 'node:assert/strict';
import { SELF_ID_DEFAULTS } from '../../server/contracts/fairness.js';
import { expectInvalid, expectProblem, staffUser } from '../api/support.js';
import { type Api, createInterview, tokenOf } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { BOTH_SETUPS, type TestServer } from '../helpers/test-server.js';

for (const config of BOTH_SETUPS) {
  describe(`voluntary self-identification (${config.database})`, () => {
    let server: TestServer;
    let admin: Api;
    let interviewId: string;

    useTestServer(config, (started) => ({ server, admin } = started));

    before(async function () {
      this.timeout(120_000);
      interviewId = (await createInterview(admin)).id;
    });

    async function candidate(language: 'en' | 'fr') {
      const res = await admin.post(`/interviews/${interviewId}/invitations`, {
        candidates: [{ name: 'Sam Person', email: `sam-${Math.random()}@self.test`, language }],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const invitation = res.body.items[0];
      return { id: invitation.id as string, api: admin.as(tokenOf(invitation.url)) };
    }

    it('starts disabled with gender and an age band ready; admins only edit it', async () => {
      const res = await admin.get('/fairness/self-id');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, SELF_ID_DEFAULTS);
      assert.equal(res.body.enabled, false);
      assert.deepEqual(
        res.body.questions.map((q: any) => [q.key, q.options.map((o: any) => o.key)]),
        [
          ['gender', ['woman', 'man', 'another']],
          ['age', ['under-40', '40-plus']],
        ],
      );
      const recruiter = await staffUser(admin, 'recruiter');
      expectProblem(await recruiter.get('/fairness/self-id'), 403, 'forbidden');
      expectProblem(await recruiter.put('/fairness/self-id', SELF_ID_DEFAULTS), 403, 'forbidden');
      const { api } = await candidate('en');
      // Off: nothing offered, nothing accepted.
      assert.deepEqual((await api.get('/candidate/self-id')).body, {
        enabled: false,
        questions: [],
        answers: null,
      });
      expectProblem(
        await api.put('/candidate/self-id', { answers: { gender: 'woman' } }),
        409,
        'self_id_disabled',
      );
    });

    it('refuses a form with a reserved, repeated or missing part; nothing changes', async () => {
      const bad = structuredClone(SELF_ID_DEFAULTS) as any;
      bad.enabled = true;
      bad.questions[0].options[2].key = 'declined';
      bad.questions[1].key = 'gender';
      bad.questions[1].prompt.fr = '';
      expectInvalid(
        await admin.put('/fairness/self-id', bad),
        'questions.0.options.2.key',
        'questions.1.key',
        'questions.1.prompt.fr',
      );
      assert.equal((await admin.get('/fairness/self-id')).body.enabled, false);
    });

    it('offers the form in the candidate language; answers may be partial or declined', async () => {
      const on = await admin.put('/fairness/self-id', { ...SELF_ID_DEFAULTS, enabled: true });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const { api } = await candidate('fr');
      const form = await api.get('/candidate/self-id');
      assert.equal(form.status, 200);
      assert.deepEqual(form.body.questions[0], {
        key: 'gender',
        prompt: 'Quel est votre genre ?',
        options: [
          { key: 'woman', label: 'Femme' },
          { key: 'man', label: 'Homme' },
          { key: 'another', label: 'Autre genre' },
        ],
      });
      assert.equal(form.body.answers, null);
      assert.equal(
        (await api.put('/candidate/self-id', { answers: { age: 'declined' } })).status,
        204,
      );
      assert.deepEqual((await api.get('/candidate/self-id')).body.answers, { age: 'declined' });
      assert.equal(
        (await api.put('/candidate/self-id', { answers: { gender: 'another', age: '40-plus' } }))
          .status,
        204,
      );
      assert.deepEqual((await api.get('/candidate/self-id')).body.answers, {
        gender: 'another',
        age: '40-plus',
      });
      expectInvalid(
        await api.put('/candidate/self-id', { answers: { gender: 'robot', shoe: 'man' } }),
        'answers.gender',
        'answers.shoe',
      );
      expectInvalid(await api.put('/candidate/self-id', { answers: 'woman' }), 'answers');
      // Refused answers changed nothing.
      assert.deepEqual((await api.get('/candidate/self-id')).body.answers, {
        gender: 'another',
        age: '40-plus',
      });
    });

    it('is in the candidate export and gone with erasure', async () => {
      const { id, api } = await candidate('en');
      await api.put('/candidate/self-id', { answers: { gender: 'woman' } });
      const exported = await api.get('/candidate/export');
      assert.deepEqual(exported.body.selfIdentification, [
        { question: 'What is your gender?', answer: 'Woman' },
      ]);
      assert.equal((await admin.request('DELETE', `/invitations/${id}`)).status, 204);
      const left = await server.deps.db
        .selectFrom('selfIdentifications')
        .selectAll()
        .where('invitationId', '=', id)
        .execute();
      assert.deepEqual(left, []);
      assert.equal((await api.get('/candidate/self-id')).status, 404);
    });
  });
}
