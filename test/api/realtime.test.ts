import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import { type Api, createInterview, invite } from '../helpers/api.js';
import { useTestServer } from '../helpers/server-suite.js';
import { staffSocket } from '../helpers/staff-socket.js';
import type { TestServer } from '../helpers/test-server.js';
import { recordClip } from './support.js';

describe('API v1 realtime events over socket.io (SQLite)', () => {
  let server: TestServer;
  let admin: Api;
  const sockets: Socket[] = [];

  useTestServer({ database: 'sqlite' }, (s) => ({ server, admin } = s));
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  function open(token: string | undefined): Socket {
    const socket = staffSocket(server.url, token);
    sockets.push(socket);
    return socket;
  }

  /** Resolves with 'connected', or the connect_error message. */
  function outcome(socket: Socket): Promise<string> {
    return new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
    });
  }

  /** The first `event` whose payload matches, collecting everything seen on the way. */
  function next(socket: Socket, event: string, matches: (payload: any) => boolean): Promise<any> {
    return new Promise((resolve) => {
      const listener = (payload: any) => {
        if (!matches(payload)) return;
        socket.off(event, listener);
        resolve(payload);
      };
      socket.on(event, listener);
    });
  }

  it('lets a staff client connect with its token', async () => {
    assert.equal(await outcome(open(admin.token)), 'connected');
  });

  it('refuses a missing, garbage or forged token with connect_error', async () => {
    const forged = `${admin.token!.slice(0, -4)}AAAA`;
    for (const token of [undefined, 'garbage', forged]) {
      const result = await outcome(open(token));
      assert.match(result, /^refused/, `token ${token}: ${result}`);
    }
  });

  it('refuses a candidate token with connect_error', async () => {
    const interview = await createInterview(admin);
    const [{ candidate }] = (await invite(admin, interview.id, 1)) as [any];
    assert.equal(
      (await candidate.get('/candidate/session')).status,
      200,
      'the candidate token works on its own endpoints',
    );
    assert.match(await outcome(open(candidate.token)), /^refused/);
  });

  it('tells staff when a candidate opens the session: invitation-status started', async () => {
    const socket = open(admin.token);
    assert.equal(await outcome(socket), 'connected');
    const interview = await createInterview(admin);
    const [{ invitation, candidate }] = (await invite(admin, interview.id, 1)) as [any];
    const started = next(socket, 'invitation-status', (p) => p.invitationId === invitation.id);
    assert.equal((await candidate.get('/candidate/session')).status, 200);
    assert.deepEqual(await started, { invitationId: invitation.id, status: 'started' });
  });

  it('tells staff an answer is processing, then ready: answer-status', async () => {
    const socket = open(admin.token);
    assert.equal(await outcome(socket), 'connected');
    const interview = await createInterview(admin);
    const [{ invitation, candidate }] = (await invite(admin, interview.id, 1)) as [any];
    const seen: any[] = [];
    const settled = new Promise<void>((resolve) => {
      socket.on('answer-status', (payload) => {
        if (payload.invitationId !== invitation.id) return;
        seen.push(payload);
        if (payload.status === 'ready' || payload.status === 'failed') resolve();
      });
    });
    const answer = await recordClip(candidate, interview.questions[0]!.id, 3);
    await settled;
    assert.deepEqual(seen, [
      { answerId: answer.id, invitationId: invitation.id, status: 'processing' },
      { answerId: answer.id, invitationId: invitation.id, status: 'ready' },
    ]);
  });
});
