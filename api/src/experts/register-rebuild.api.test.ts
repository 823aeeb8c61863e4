// The public register of experts keeps the site fresh: a change of certification status
// (certified, suspended, reinstated, expired, renewed) calls the server's rebuild hook after
// the commit, and it changes the site's fingerprint, so `pnpm start` rebuilds the /experts/ pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteFingerprint } from '../site-build.ts';
import { testNow } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';

const kinds = await testDatabaseKinds();
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface Payload {
  expert: { version: number; status: string } | null;
  userErrors: { code: string; message: string }[];
}

describe.each(kinds)('the expert register and the site rebuild on %s', (kind) => {
  let api: TestApi;
  let coordinator: TestUser;
  let rebuilds = 0;

  beforeAll(async () => {
    api = await startTestApi({ kind, now: testNow, onRegisterChanged: () => (rebuilds += 1) });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
  });
  afterAll(() => api?.stop());

  async function step(mutation: string, inputType: string, input: Record<string, unknown>): Promise<Payload> {
    const result = await coordinator.query<Record<string, Payload>>(
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { expert { version status } userErrors { code message } } }`,
      { input },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const payload = result.data?.[mutation];
    if (!payload) throw new Error(`no payload for ${mutation}`);
    return payload;
  }

  it('rebuilds when a certified expert is suspended, reinstated or renewed, and not for a refused step', async () => {
    const prisma = api.db.prisma;
    const expert = await prisma.expert.findFirstOrThrow({ where: { status: 'CERTIFIED' }, orderBy: { certificateNumber: 'asc' } });
    const id = globalId('Expert', expert.id);
    const before = await siteFingerprint(prisma, api.graphqlUrl);
    expect(await siteFingerprint(prisma, api.graphqlUrl)).toBe(before);

    const refused = await step('expertSuspend', 'ExpertSuspendInput', { expertId: id, expectedVersion: expert.version, reason: 'no' });
    expect(refused.userErrors[0]?.code).toBe('REQUIRED');
    expect(rebuilds).toBe(0);

    const suspended = await step('expertSuspend', 'ExpertSuspendInput', { expertId: id, expectedVersion: expert.version, reason: 'Missed two visits without notice' });
    expect(suspended.expert?.status).toBe('SUSPENDED');
    expect(rebuilds).toBe(1);
    const afterSuspension = await siteFingerprint(prisma, api.graphqlUrl);
    expect(afterSuspension).not.toBe(before);

    const reinstated = await step('expertReinstate', 'ExpertCertificationStepInput', { expertId: id, expectedVersion: suspended.expert?.version });
    expect(reinstated.expert?.status).toBe('CERTIFIED');
    expect(rebuilds).toBe(2);
    const afterReinstatement = await siteFingerprint(prisma, api.graphqlUrl);
    expect(afterReinstatement).not.toBe(afterSuspension);

    const validUntil = expert.certificateValidUntil?.toISOString().slice(0, 10) ?? '';
    const later = `${String(Number(validUntil.slice(0, 4)) + 1)}${validUntil.slice(4)}`;
    const renewed = await step('expertRenewCertificate', 'ExpertRenewCertificateInput', { expertId: id, expectedVersion: reinstated.expert?.version, validUntil: later });
    expect(renewed.userErrors).toEqual([]);
    expect(rebuilds).toBe(3);
    expect(await siteFingerprint(prisma, api.graphqlUrl)).not.toBe(afterReinstatement);
  });
});
