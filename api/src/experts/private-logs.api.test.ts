// An expert's IIN, e-mail address and phone number never reach the logs: an expert record
// created over HTTP with every log line captured (at the most verbose level), an e-mail to
// the expert written to the log, and an unexpected error quoting those values as a database
// error would, all leave no trace of them.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport } from '../notifications/mail.ts';
import { createLogger } from '../shared/logger.ts';
import { testNow } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { completeIin } from './iin.ts';

const kinds = await testDatabaseKinds();

const IIN = completeIin('99123100777') ?? completeIin('99123100778') ?? '';
const EMAIL = 'aigerim.private@example.kz';
const PHONE_DIGITS = '77015550123';

describe.each(kinds)('personal data kept out of the logs on %s', (kind) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('trace', sink);
  let api: TestApi;
  let coordinator: TestUser;

  beforeAll(async () => {
    api = await startTestApi({ kind, now: testNow, logger });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
  });
  afterAll(() => api?.stop());

  /** Every captured line, digits only too, so that a number written with spaces is found. */
  function expectNoPersonalData(): void {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(IIN);
      expect(line).not.toContain(EMAIL);
      expect(line.replace(/\D/g, '')).not.toContain(PHONE_DIGITS);
      expect(line.replace(/\D/g, '')).not.toContain(IIN);
    }
  }

  it('creates an expert with an IIN and contacts, refuses a duplicate, mails them and fails unexpectedly, logging none of it', async () => {
    expect(IIN).toMatch(/^\d{12}$/);
    const input = {
      nameKk: 'Айгерім Сарапшы',
      nameRu: 'Айгерим Эксперт',
      nameEn: 'Aigerim Expert',
      iin: IIN,
      email: EMAIL,
      phone: '+7 701 555 01 23',
      languages: ['KK', 'RU'],
      levels: ['SECONDARY'],
      subjectAreas: ['mathematics'],
      regionCode: '35',
      city: 'Karaganda',
    };
    const MUTATION = `mutation ($input: ExpertCreateInput!) { expertCreate(input: $input) { expert { id status } userErrors { field code message } } }`;
    const created = await coordinator.query<{ expertCreate: { expert: { status: string } | null; userErrors: unknown[] } }>(MUTATION, { input });
    expect(created.data?.expertCreate.userErrors).toEqual([]);
    expect(created.data?.expertCreate.expert?.status).toBe('CANDIDATE');
    const duplicate = await coordinator.query<{ expertCreate: { userErrors: { code: string }[] } }>(MUTATION, { input });
    expect(duplicate.data?.expertCreate.userErrors[0]?.code).toBe('ALREADY_EXISTS');

    // An e-mail to the expert, written to the log because SMTP_URL is not set: the address is masked.
    const transport = createMailTransport({ smtpUrl: undefined, from: 'KZA <no-reply@example.kz>', logger });
    await transport.send({ to: EMAIL, subject: 'Your record', text: 'Hello', idempotencyKey: 'test-delivery-1', kind: 'test' });
    const mailLine = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.channel === 'EMAIL');
    expect(mailLine?.to).toBe('a***@example.kz');

    // An unexpected error quoting the values, as a failed database call does, and a caller passing them as fields.
    logger.error(
      { err: new Error(`Unique constraint failed: { iin: "${IIN}", email: "${EMAIL}", phone: "+7 701 555 01 23" }`), path: ['expertCreate'] },
      'unexpected error in a resolver',
    );
    logger.info({ expert: { iin: IIN, email: EMAIL, phone: '+77015550123' } }, 'a careless caller');
    const errorLine = lines.find((line) => line.includes('unexpected error in a resolver'));
    expect(errorLine).toContain('a***@example.kz');
    expect(errorLine).toContain('[number hidden]');

    expect(lines.some((line) => line.includes('/graphql'))).toBe(true);
    expectNoPersonalData();
  });
});
