import assert from 'node:assert/strict';
import { Api, createInterview } from '../helpers/api.js';
import { HOUR } from './support.js';

let slugs = 0;
let addresses = 0;

/** A programme open in three cities, each with its own closing date (Lyon already closed). */
export function programmeSettings(now: Date, overrides: Record<string, unknown> = {}) {
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
  return {
    enabled: true,
    slug: `apply-${process.pid}-${++slugs}`,
    locations: [
      { key: 'paris', name: 'Paris', deadline: at(24 * 20) },
      { key: 'lille', name: 'Lille', deadline: at(24 * 10) },
      { key: 'lyon', name: 'Lyon', deadline: at(-1) },
    ],
    eligibility: [
      {
        key: 'right-to-work',
        prompt: 'Do you have the right to work in France?',
        requiredAnswer: true,
      },
      { key: 'under-26', prompt: 'Are you under 26?', requiredAnswer: true },
    ],
    ...overrides,
  };
}

export async function createProgramme(admin: Api, now: Date, overrides = {}) {
  const settings = programmeSettings(now, overrides);
  const interview = await createInterview(admin, { public: settings });
  return { interview, slug: settings.slug };
}

/** A fresh client address per test (the server trusts X-Forwarded-For in these suites). */
export function newAddress(): string {
  addresses++;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export function applicant(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Camille Martin',
    email: `camille-${++addresses}@example.test`,
    locationKey: 'paris',
    eligibility: { 'right-to-work': true, 'under-26': true },
    consent: true,
    ...overrides,
  };
}

export function applyAs(baseUrl: string, slug: string, body: unknown, address = newAddress()) {
  return new Api(baseUrl).request('POST', `/public/programmes/${slug}/applications`, body, {
    'x-forwarded-for': address,
  });
}

export async function invitationsOf(admin: Api, interviewId: string): Promise<any[]> {
  const res = await admin.get(`/interviews/${interviewId}/invitations`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items;
}
