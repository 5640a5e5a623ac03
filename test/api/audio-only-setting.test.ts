import assert from 'node:assert/strict';
import type { Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, inviteOne } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import type { TestServer } from '../helpers/test-server.js';
import { expectInvalid, expectProblem } from './support.js';

/** Issue 9: an interview may forbid sound-only answers; the server holds the line too. */
for (const database of ['sqlite', 'postgres'] as const) {
  describe(`interview setting allowAudioOnly (${database})`, () => {
    let server: TestServer;
    let staff: Api;

    useTestServer({ database }, (s) => ({ server, admin: staff } = s));

    async function read(id: string): Promise<Interview> {
      const res = await staff.get<Interview>(`/interviews/${id}`);
      assert.equal(res.status, 200);
      return res.body;
    }

    it('allows sound only unless told otherwise, in every interview representation', async () => {
      const created = await createInterview(staff);
      assert.equal(created.allowAudioOnly, true);
      assert.equal((await read(created.id)).allowAudioOnly, true);
      const list = await staff.get<{ items: Interview[] }>('/interviews');
      assert.equal(list.body.items.find((i) => i.id === created.id)?.allowAudioOnly, true);

      const { candidate } = await inviteOne(staff, created.id);
      const session = await candidate.get<any>('/candidate/session');
      assert.equal(session.body.interview.allowAudioOnly, true);
      const take = await candidate.post('/candidate/answers', {
        questionId: created.questions[0]!.id,
        mimeType: 'audio/webm;codecs=opus',
      });
      assert.equal(take.status, 201, JSON.stringify(take.body));
    });

    it('stores false at creation, and an edit changes it only when it says so', async () => {
      const created = await createInterview(staff, { allowAudioOnly: false });
      assert.equal(created.allowAudioOnly, false);
      assert.equal((await read(created.id)).allowAudioOnly, false);

      // Editing something else leaves the setting alone (no default slips in).
      const renamed = await staff.request<Interview>('PATCH', `/interviews/${created.id}`, {
        title: 'Renamed',
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal(renamed.body.allowAudioOnly, false);

      const allowed = await staff.request<Interview>('PATCH', `/interviews/${created.id}`, {
        allowAudioOnly: true,
      });
      assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
      assert.equal(allowed.body.allowAudioOnly, true);
      assert.equal((await read(created.id)).allowAudioOnly, true);

      const forbidden = await staff.request<Interview>('PATCH', `/interviews/${created.id}`, {
        allowAudioOnly: false,
      });
      assert.equal(forbidden.body.allowAudioOnly, false);
      assert.equal((await read(created.id)).allowAudioOnly, false);
    });

    it('refuses a value that is not true or false with 400, and changes nothing', async () => {
      const before = (await staff.get<{ items: Interview[] }>('/interviews')).body.items.length;
      for (const value of ['false', 0, null, 'yes']) {
        const res = await staff.post('/interviews', {
          title: 'Bad',
          questions: [{ prompt: 'Q?', thinkSeconds: 5, maxSeconds: 30, retakes: 0 }],
          allowAudioOnly: value,
        });
        expectInvalid(res, 'allowAudioOnly');
      }
      const after = (await staff.get<{ items: Interview[] }>('/interviews')).body.items.length;
      assert.equal(after, before, 'no interview created');

      const interview = await createInterview(staff, { allowAudioOnly: false });
      for (const value of ['true', 1, null]) {
        const res = await staff.request('PATCH', `/interviews/${interview.id}`, {
          title: 'Changed',
          allowAudioOnly: value,
        });
        expectInvalid(res, 'allowAudioOnly');
      }
      const unchanged = await read(interview.id);
      assert.equal(unchanged.allowAudioOnly, false);
      assert.equal(unchanged.title, interview.title, 'the rest of a refused edit is not applied');
    });

    it('refuses a sound-only take when the interview forbids it: 409 video_required', async () => {
      const interview = await createInterview(staff, { allowAudioOnly: false });
      const { candidate } = await inviteOne(staff, interview.id);
      const session = await candidate.get<any>('/candidate/session');
      assert.equal(session.body.interview.allowAudioOnly, false, 'the recorder can follow it');

      const questionId = interview.questions[0]!.id;
      for (const mimeType of ['audio/webm;codecs=opus', 'audio/mp4', 'AUDIO/ogg']) {
        const res = await candidate.post('/candidate/answers', { questionId, mimeType });
        const problem = expectProblem(res, 409, 'video_required');
        assert.match(problem.detail, /video/);
      }
      const after = await candidate.get<any>('/candidate/session');
      assert.deepEqual(after.body.answers, [], 'no take was created, no attempt spent');

      const video = await candidate.post('/candidate/answers', {
        questionId,
        mimeType: 'video/webm;codecs=vp8,opus',
      });
      assert.equal(video.status, 201, JSON.stringify(video.body));
      assert.equal(video.body && (video.body as { attempt: number }).attempt, 1);
    });
  });
}
