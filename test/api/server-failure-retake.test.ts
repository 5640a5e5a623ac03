import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Interview } from '../../server/contracts/api.js';
import { type Api, createInterview, inviteOne, login, waitForAnswer } from '../helpers/api.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';
import { CLIP_MIME, clipChunks, expectProblem, startAnswer } from './support.js';

/**
 * README: "a take that failed processing costs no retake: it was not the candidate's fault".
 * Proven end to end with a real fault of the server's own: its ffmpeg is killed (as the kernel's
 * out-of-memory killer would) on every encode, so every try of the job fails and the take ends
 * `failed` for the server's reasons. The candidate, whose question allows no retake, may still
 * record it again; a take whose bytes are no media (their own fault) is charged as usual.
 */
for (const setup of BOTH_SETUPS) {
  describe(`a take the server failed to process costs no retake (${setup.database} + ${setup.storage})`, () => {
    let server: TestServer;
    let admin: Api;
    let interview: Interview;
    let binDir: string;

    before(async () => {
      binDir = await mkdtemp(path.join(tmpdir(), 'killed-ffmpeg-'));
      const ffmpeg = path.join(binDir, 'ffmpeg');
      // `-version` is answered by the real ffmpeg; any encode dies by SIGKILL, no exit code.
      await writeFile(
        ffmpeg,
        '#!/bin/sh\ncase "$*" in *-version*) exec ffmpeg "$@";; esac\nkill -9 $$\n',
      );
      await chmod(ffmpeg, 0o755);
      server = await startTestServer({ ...setup, env: { FFMPEG_PATH: ffmpeg } });
      admin = await login(server.url);
      interview = await createInterview(admin, {
        questions: [{ prompt: 'Only once.', thinkSeconds: 0, maxSeconds: 30, retakes: 0 }],
      });
    });
    after(async () => {
      await server?.stop();
      await rm(binDir, { recursive: true, force: true });
    });

    it('fails the take with a sentence that says so, and lets the candidate record it again', async () => {
      const { candidate } = await inviteOne(admin, interview.id);
      const questionId = interview.questions[0]!.id;
      const take = await startAnswer(candidate, questionId);
      const chunks = await clipChunks(2);
      for (const [i, chunk] of chunks.entries())
        assert.equal((await candidate.putChunk(take.id, i, chunk)).status, 200);
      const done = await candidate.post(`/candidate/answers/${take.id}/complete`, {
        chunkCount: chunks.length,
      });
      assert.equal(done.status, 202, JSON.stringify(done.body));

      const failed = await waitForAnswer(candidate, take.id);
      assert.equal(failed.status, 'failed', JSON.stringify(failed));
      assert.match(failed.error!, /does not count as one of your attempts/);

      // The only attempt of a question with no retakes: still available.
      const again = await candidate.post('/candidate/answers', { questionId, mimeType: CLIP_MIME });
      assert.equal(again.status, 201, JSON.stringify(again.body));
      assert.equal(again.body.attempt, 2);
      expectProblem(
        await candidate.post('/candidate/answers', { questionId, mimeType: CLIP_MIME }),
        409,
        'retakes_exhausted',
      );
    });
  });
}
