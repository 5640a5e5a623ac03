import assert from 'node:assert/strict';
import { signMediaPath } from '../../storage/signed-url.js';
import { type LocalDiskFixture, startLocalDiskFixture } from './local-disk-fixture.js';

/** The media route as a browser's <video> element meets it, over real HTTP. */
describe('GET /media/*key (signed LocalDiskStorage links)', () => {
  let fixture: LocalDiskFixture;
  let url: string;
  const digits = Buffer.from('0123456789');

  beforeEach(async () => {
    fixture = await startLocalDiskFixture();
    await fixture.storage.put('answers/a1/video.mp4', digits);
    url = await fixture.storage.signedReadUrl('answers/a1/video.mp4', { expiresInSeconds: 600 });
  });
  afterEach(() => fixture.cleanup());

  async function assertNotFoundProblem(response: Response, detail: string): Promise<void> {
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await response.json();
    assert.equal(problem.code, 'not_found');
    assert.equal(problem.detail, detail);
  }

  it('serves the whole file with its type, length and a cache time no longer than the link', async () => {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'video/mp4');
    assert.equal(response.headers.get('content-length'), '10');
    assert.equal(response.headers.get('accept-ranges'), 'bytes');
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    assert.ok(maxAge > 590 && maxAge <= 600, `max-age ${maxAge}`);
    assert.match(response.headers.get('cache-control') ?? '', /^private/);
    assert.equal(await response.text(), '0123456789');
  });

  it('answers byte ranges a-b, a- and -n with 206 and Content-Range', async () => {
    const cases: [string, string, string][] = [
      ['bytes=2-4', 'bytes 2-4/10', '234'],
      ['bytes=7-', 'bytes 7-9/10', '789'],
      ['bytes=-3', 'bytes 7-9/10', '789'],
      ['bytes=-30', 'bytes 0-9/10', '0123456789'],
      ['bytes=8-100', 'bytes 8-9/10', '89'],
      ['bytes=0-0', 'bytes 0-0/10', '0'],
    ];
    for (const [range, contentRange, body] of cases) {
      const response = await fetch(url, { headers: { Range: range } });
      assert.equal(response.status, 206, range);
      assert.equal(response.headers.get('content-range'), contentRange, range);
      assert.equal(response.headers.get('content-length'), String(body.length), range);
      assert.equal(await response.text(), body, range);
    }
  });

  it('answers 416 with the size for a range past the end', async () => {
    for (const range of ['bytes=10-', 'bytes=50-60', 'bytes=-0']) {
      const response = await fetch(url, { headers: { Range: range } });
      assert.equal(response.status, 416, range);
      assert.equal(response.headers.get('content-range'), 'bytes */10', range);
      await response.arrayBuffer();
    }
  });

  it('sends the whole file for several ranges or a Range it cannot read', async () => {
    for (const range of ['bytes=0-1,4-5', 'items=0-1', 'bytes=5-2']) {
      const response = await fetch(url, { headers: { Range: range } });
      assert.equal(response.status, 200, range);
      assert.equal(await response.text(), '0123456789', range);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const whole = await fetch(url, { method: 'HEAD' });
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('content-length'), '10');
    assert.equal(whole.headers.get('content-type'), 'video/mp4');
    assert.equal(await whole.text(), '');
    const partial = await fetch(url, { method: 'HEAD', headers: { Range: 'bytes=1-2' } });
    assert.equal(partial.status, 206);
    assert.equal(partial.headers.get('content-range'), 'bytes 1-2/10');
    assert.equal(partial.headers.get('content-length'), '2');
  });

  it('refuses a tampered signature, a changed key or expiry, or a missing one, with 404', async () => {
    const detail = 'This media link has expired or is not valid.';
    const signed = new URL(url);
    const sig = signed.searchParams.get('sig') ?? '';
    const tampered = new URL(signed);
    tampered.searchParams.set('sig', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`);
    await assertNotFoundProblem(await fetch(tampered), detail);
    const otherKey = new URL(signed);
    otherKey.pathname = '/media/answers/a1/poster.jpg';
    await assertNotFoundProblem(await fetch(otherKey), detail);
    const laterExpiry = new URL(signed);
    laterExpiry.searchParams.set('expires', String(Number(signed.searchParams.get('expires')) + 1));
    await assertNotFoundProblem(await fetch(laterExpiry), detail);
    await assertNotFoundProblem(
      await fetch(`${fixture.baseUrl}/media/answers/a1/video.mp4`),
      detail,
    );
  });

  it('refuses an expired link with 404', async () => {
    const expired = await fixture.storage.signedReadUrl('answers/a1/video.mp4', {
      expiresInSeconds: -1,
    });
    await assertNotFoundProblem(
      await fetch(expired),
      'This media link has expired or is not valid.',
    );
  });

  it('answers 404 for a validly signed link to an object that is gone', async () => {
    await fixture.storage.delete('answers/a1/video.mp4');
    await assertNotFoundProblem(await fetch(url), 'This media file does not exist.');
  });

  it('serves keys with spaces and non-ASCII names, typed by extension', async () => {
    await fixture.storage.put('answers/a1/poster été 1.JPG', Buffer.from('jpeg'));
    await fixture.storage.put('answers/a1/raw', Buffer.from('raw'));
    const poster = await fetch(
      await fixture.storage.signedReadUrl('answers/a1/poster été 1.JPG', { expiresInSeconds: 60 }),
    );
    assert.equal(poster.status, 200);
    assert.equal(poster.headers.get('content-type'), 'image/jpeg');
    assert.equal(await poster.text(), 'jpeg');
    const expires = Math.floor(Date.now() / 1000) + 60;
    const raw = await fetch(
      `${fixture.baseUrl}${signMediaPath('answers/a1/raw', expires, fixture.signingSecret)}`,
    );
    assert.equal(raw.headers.get('content-type'), 'application/octet-stream');
    assert.equal(await raw.text(), 'raw');
  });
});
