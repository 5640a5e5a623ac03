import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Socket } from 'socket.io-client';
import type { Answer, Invitation } from '../../server/contracts/api.js';
import { CLIP_MIME, clipChunks } from '../api/support.js';
import { addMembers } from '../api/teams-support.js';
import {
  Api,
  createStaffUser,
  login,
  type NewStaffUser,
  recordAnswer,
  tokenOf,
  waitForAnswer,
} from '../helpers/api.js';
import { linkIn, TestSmtpServer } from '../helpers/smtp-server.js';
import { staffSocket } from '../helpers/staff-socket.js';
import { BOTH_SETUPS, startTestServer, type TestServer } from '../helpers/test-server.js';

/** Option keys and labels no other text of a review could contain by chance. */
const FORM = {
  enabled: true,
  questions: [
    {
      key: 'zq-band',
      prompt: { en: 'Which band?', fr: 'Quelle tranche ?' },
      options: [
        { key: 'quokka-seven', label: { en: 'Marmaladine', fr: 'Marmeladine' } },
        { key: 'axolotl-nine', label: { en: 'Brambleworth', fr: 'Ronceval' } },
      ],
    },
    {
      key: 'zq-other',
      prompt: { en: 'And this?', fr: 'Et ceci ?' },
      options: [
        { key: 'pangolin-two', label: { en: 'Thistledown', fr: 'Chardonnette' } },
        { key: 'narwhal-four', label: { en: 'Wickerlane', fr: 'Osierville' } },
      ],
    },
  ],
};
const GIVEN = [
  { 'zq-band': 'quokka-seven', 'zq-other': 'pangolin-two' },
  { 'zq-band': 'axolotl-nine', 'zq-other': 'declined' },
];
const SECRETS = [
  'quokka-seven',
  'axolotl-nine',
  'pangolin-two',
  'Marmaladine',
  'Marmeladine',
  'Brambleworth',
  'Ronceval',
  'Thistledown',
  'Chardonnette',
];

/** An Api that keeps the text of every answer it receives. */
class Recorded extends Api {
  constructor(
    baseUrl: string,
    token: string | undefined,
    readonly sink: string[],
    readonly skip: RegExp | null = null,
  ) {
    super(baseUrl, token);
  }
  override as(token: string): Recorded {
    return new Recorded(this.baseUrl, token, this.sink, this.skip);
  }
  override async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) {
    const res = await super.request<T>(method, path, body, headers);
    if (!this.skip?.test(path)) {
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      this.sink.push(`${method} ${path} → ${res.status} ${text}`);
    }
    return res;
  }
}

function leaksIn(what: string, texts: string[]): void {
  for (const text of texts)
    for (const secret of SECRETS)
      assert.ok(
        !text.toLowerCase().includes(secret.toLowerCase()),
        `${what} carries ${secret}: ${text.slice(0, 400)}`,
      );
}

for (const config of BOTH_SETUPS) {
  describe(`self-identification is kept apart (${config.database})`, () => {
    let smtp: TestSmtpServer;
    let server: TestServer;
    const staffSeen: string[] = [];
    const candidateSeen: string[] = [];
    const logLines: string[] = [];
    const events: string[] = [];
    const sockets: Socket[] = [];

    before(async function () {
      this.timeout(120_000);
      smtp = await new TestSmtpServer().start();
      const log = pino(
        { level: 'trace' },
        new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      );
      server = await startTestServer({
        ...config,
        log,
        env: { SMTP_URL: smtp.url, MAIL_FROM: 'Hiring <jobs@example.test>' },
      });
    });

    after(async () => {
      for (const s of sockets) s.close();
      await server?.stop();
      await smtp?.close();
    });

    it('no staff response, socket event, email or log line of a full review carries the answers', async function () {
      this.timeout(300_000);
      const signIn = async (email?: string, password?: string) => {
        const api = await login(server.url, email, password);
        return new Recorded(api.baseUrl, api.token, staffSeen);
      };
      const admin = await signIn();
      const newStaff = async (role: NewStaffUser['role'], name: string) => {
        const email = `${name.toLowerCase()}@kept.test`;
        await createStaffUser(admin, { email, name, role, password: 'a long enough password' });
        return signIn(email, 'a long enough password');
      };
      const rita = await newStaff('recruiter', 'Rita');
      const ann = await newStaff('reviewer', 'Ann');
      for (const who of [admin, rita, ann]) {
        const socket = staffSocket(server.url, who.token);
        socket.onAny((event, payload) => events.push(`${event} ${JSON.stringify(payload)}`));
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        sockets.push(socket);
      }

      // The form itself names the options: set it outside the record.
      assert.equal((await (await login(server.url)).put('/fairness/self-id', FORM)).status, 200);
      const created = await rita.post('/interviews', {
        title: 'Kept apart',
        competencies: [{ key: 'service', name: 'Service' }],
        questions: [
          {
            prompt: 'Tell us.',
            thinkSeconds: 10,
            maxSeconds: 60,
            retakes: 0,
            competency: 'service',
          },
        ],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const interview = created.body;
      await addMembers(rita, interview.id, [{ staff: ann, role: 'reviewer' }]);
      const invited = await rita.post(`/interviews/${interview.id}/invitations`, {
        candidates: [
          { name: 'Una Candidate', email: 'una@kept.test', language: 'en' },
          { name: 'Deux Candidate', email: 'deux@kept.test', language: 'fr' },
        ],
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      const invitations = invited.body.items as Invitation[];
      const chunks = await clipChunks(2);
      const answers: Answer[] = [];
      for (const [i, invitation] of invitations.entries()) {
        const token = tokenOf(
          invitation.url ?? (await linkFromEmail(smtp, invitation.candidate.email)),
        );
        const candidate = new Recorded(
          server.url,
          token,
          candidateSeen,
          /^\/candidate\/(self-id|export)/,
        );
        const started = await recordAnswer(candidate, interview.questions[0].id, CLIP_MIME, chunks);
        const ready = await waitForAnswer(candidate, started.id, 240_000);
        assert.equal(ready.status, 'ready');
        answers.push(ready);
        assert.equal((await candidate.post('/candidate/finish')).status, 200);
        const form = await candidate.get('/candidate/self-id');
        assert.equal(
          form.body.questions[0].options[0].label,
          i === 0 ? 'Marmaladine' : 'Marmeladine',
        );
        assert.equal(
          (await candidate.put('/candidate/self-id', { answers: GIVEN[i] })).status,
          204,
        );
        // The candidate's own copy holds them: the search below would find them.
        const exported = await candidate.get('/candidate/export');
        assert.match(JSON.stringify(exported.body), i === 0 ? /Marmaladine/ : /Ronceval/);
        await candidate.get('/candidate/session');
      }

      // The review, as organisers and reviewers do it.
      for (const who of [ann, rita, admin]) {
        await who.get('/review/queue');
        await who.get(
          `/review/by-question?interviewId=${interview.id}&questionId=${interview.questions[0].id}`,
        );
        for (const [i, answer] of answers.entries()) {
          await who.get(`/answers/${answer.id}`);
          await who.put(`/answers/${answer.id}/ratings/me`, { score: 2 + i, comment: 'Clear.' });
          await who.get(`/answers/${answer.id}/ratings`);
        }
      }
      for (const invitation of invitations) {
        await rita.put(`/invitations/${invitation.id}/decision`, {
          outcome: 'advance',
          note: 'ok',
        });
        await rita.put(`/invitations/${invitation.id}/feedback`, {
          summary: 'Thank you.',
          competencies: [{ key: 'service', text: 'Good.' }],
        });
        await rita.post(`/invitations/${invitation.id}/feedback/release`);
        await rita.get(`/invitations/${invitation.id}/feedback`);
      }
      for (const path of [
        `/interviews/${interview.id}`,
        '/interviews',
        `/interviews/${interview.id}/invitations`,
        `/interviews/${interview.id}/results`,
        `/interviews/${interview.id}/ratings.csv`,
        `/interviews/${interview.id}/reliability`,
        `/interviews/${interview.id}/stats`,
        `/interviews/${interview.id}/calibration`,
        '/audit',
      ])
        await admin.get(path);
      // Two invitations, two receipts, two feedback announcements.
      await smtp.waitFor((mails) => mails.length >= 6);

      // Every step of the review worked: the search looked at real answers, not errors.
      assert.deepEqual(
        staffSeen.filter((line) => / → [45]\d\d /.test(line)),
        [],
      );
      assert.ok(staffSeen.length > 30, `the review made ${staffSeen.length} staff calls`);
      assert.ok(events.length > 0, 'socket events arrived');
      assert.ok(smtp.received.length >= 2, 'emails were sent');
      leaksIn('a staff response', staffSeen);
      leaksIn('a candidate response', candidateSeen);
      leaksIn('a socket event', events);
      leaksIn(
        'an email',
        smtp.received.map((m) => `${m.subject}\n${m.text}\n${m.html}`),
      );
      leaksIn('a log line', logLines);
    });
  });
}

/** The candidate link emailed to this address, when staff were not shown it. */
async function linkFromEmail(smtp: TestSmtpServer, address: string): Promise<string> {
  await smtp.waitFor(() => smtp.to(address).length > 0);
  return linkIn(smtp.to(address)[0]!);
}
