import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import { binCheckDigit } from './bin.ts';
import { importOrganizations, type ImportResult } from './import.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/databases.ts';
import { startTestApi, type TestApi } from '../testing/api.ts';

const kinds = await testDatabaseKinds();

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const REGIONS = [
  { code: '35', kind: 'OBLAST', nameKk: 'Қарағанды облысы', nameRu: 'Карагандинская область', nameEn: 'Karaganda Region', centre: 'Karaganda' },
  { code: '55', kind: 'OBLAST', nameKk: 'Павлодар облысы', nameRu: 'Павлодарская область', nameEn: 'Pavlodar Region', centre: 'Pavlodar' },
  { code: '61', kind: 'OBLAST', nameKk: 'Түркістан облысы', nameRu: 'Туркестанская область', nameEn: 'Turkestan Region', centre: 'Turkestan' },
  { code: '63', kind: 'OBLAST', nameKk: 'Шығыс Қазақстан облысы', nameRu: 'Восточно-Казахстанская область', nameEn: 'East Kazakhstan Region', centre: 'Oskemen' },
  { code: '71', kind: 'CITY', nameKk: 'Астана қаласы', nameRu: 'город Астана', nameEn: 'Astana', centre: 'Astana' },
  { code: '75', kind: 'CITY', nameKk: 'Алматы қаласы', nameRu: 'город Алматы', nameEn: 'Almaty', centre: 'Almaty' },
  { code: '79', kind: 'CITY', nameKk: 'Шымкент қаласы', nameRu: 'город Шымкент', nameEn: 'Shymkent', centre: 'Shymkent' },
] as const;

function expectOk(result: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** `count` rows with distinct valid BINs, `;`-separated as Excel writes them. */
function generatedFile(count: number, nameSuffix = ''): string {
  const lines = ['bin;name_kk;name_ru;name_en;kind;level;region_code;city;address;website;languages'];
  for (let serial = 1; lines.length <= count; serial++) {
    const first11 = `2500400${String(serial).padStart(4, '0')}`;
    const check = binCheckDigit(first11);
    if (check === null) continue;
    const n = lines.length;
    lines.push(
      `${first11}${check};№ ${n} мектеп${nameSuffix};Школа № ${n};School No. ${n};SCHOOL;SECONDARY;71;Астана;"Абай даңғылы, ${n}";https://mektep${n}.example;kk|ru`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe.each(kinds)('organizations import on %s', (kind) => {
  let db: TestDatabase;
  let statements = 0;
  const prisma = () => db.prisma;
  const regionId = async (code: string) => (await prisma().region.findUniqueOrThrow({ where: { code } })).id;
  const count = () => prisma().organization.count();

  beforeAll(async () => {
    db = await createTestDatabase(kind, { onQuery: () => (statements += 1) });
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await prisma().organization.deleteMany();
    await prisma().region.deleteMany();
    await prisma().region.createMany({ data: [...REGIONS] });
  });

  it('creates every row of a good file, text exactly as written', async () => {
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')))).toEqual({
      ok: true,
      created: 4,
      updated: 0,
      unchanged: 0,
      rows: 4,
      predecessorLinks: 0,
    });
    expect(await count()).toBe(4);
    const ghylym = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000023' } });
    expect(ghylym).toMatchObject({
      binIsPlaceholder: false,
      nameKk: 'Ұлытау, Үшқоңыр және Һ әрпі бар «Ғылым» мектебі',
      nameRu: 'Школа «Гылым», филиал № 2',
      nameEn: '"Ghylym" School, Branch No. 2',
      kind: 'SCHOOL',
      level: 'SECONDARY',
      programmeType: 'STATE_STANDARD',
      regionId: await regionId('75'),
      city: 'Алматы',
      address: null,
      website: null,
      languages: ['KK'],
    });
    const orleu = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000033' } });
    expect(orleu).toMatchObject({
      nameKk: 'Қарағанды «Өрлеу» колледжі',
      nameRu: 'Колледж "Орлеу"',
      nameEn: null,
      kind: 'COLLEGE',
      level: 'TECHNICAL_VOCATIONAL',
      address: 'Бұқар жырау даңғылы, 33',
      website: 'http://orleu.example/kk/',
      languages: ['KK', 'RU'],
    });
  });

  it('updates known BINs on re-import and counts created, updated and unchanged', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    const before = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000023' } });

    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv')))).toEqual({
      ok: true,
      created: 1,
      updated: 2,
      unchanged: 2,
      rows: 5,
      predecessorLinks: 0,
    });
    expect(await count()).toBe(5);
    expect(await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000013' } })).toMatchObject({
      nameRu: 'Школа-гимназия № 1 «Болашак» имени Абая',
    });
    expect(await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000033' } })).toMatchObject({
      website: null,
      languages: ['RU', 'KK', 'EN'],
    });
    // An unchanged organization is not written at all.
    expect(await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000023' } })).toEqual(before);

    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv')))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
    });
  });

  it('appends one audit event per import that writes, naming what it created and what it changed', async () => {
    const events = () => prisma().auditEvent.findMany({ where: { action: 'organizations.import' }, orderBy: { sequence: 'asc' } });
    const already = (await events()).length;
    const at = new Date('2026-12-03T06:00:00Z');
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv'), { now: at }));
    const good = (await events()).slice(already);
    expect(good).toHaveLength(1);
    expect(good[0]).toMatchObject({ actorId: null, actorLabel: 'import:organizations (command line)', subjectType: 'OrganizationImport', occurredAt: at });
    expect(good[0]?.subjectId).toBe(createHash('sha256').update(fixture('organizations-good.csv')).digest('hex'));
    expect(good[0]?.after).toMatchObject({ rows: 4, updated: {} });
    expect((good[0]?.after as { created: string[] }).created).toHaveLength(4);

    expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv'), { dryRun: true }));
    expect(await events()).toHaveLength(already + 1);
    expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv')));
    const changed = (await events()).at(-1);
    expect((changed?.after as { created: string[] }).created).toHaveLength(1);
    const updated = (changed?.after as { updated: Record<string, Record<string, unknown>> }).updated;
    expect(Object.keys(updated)).toHaveLength(2);
    expect(updated['990040000033']).toMatchObject({ website: null, languages: ['RU', 'KK', 'EN'] });
    expect((changed?.before as { updated: Record<string, Record<string, unknown>> }).updated['990040000033']).toMatchObject({ website: 'http://orleu.example/kk/', languages: ['KK', 'RU'] });
    // A file with nothing new writes nothing, not even an event.
    expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv')));
    expect(await events()).toHaveLength(already + 2);
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it('updates every field of a known organization and clears its placeholder mark', async () => {
    const created = await prisma().organization.create({
      data: {
        bin: '990040000013',
        binIsPlaceholder: true,
        nameKk: 'Ескі атауы',
        nameRu: 'Старое название',
        nameEn: 'Old name',
        kind: 'SCHOOL',
        level: 'SECONDARY',
        programmeType: 'STATE_STANDARD',
        regionId: await regionId('71'),
        city: 'Астана',
        address: 'Ескі мекенжай',
        website: 'https://old.example',
        languages: ['KK', 'RU'],
        isDemo: true,
      },
    });
    const file = [
      'bin;name_kk;name_ru;name_en;kind;level;programme_type;region_code;city;address;website;languages',
      '990040000013;«Жаңа» колледжі;Колледж «Новый»;;HIGHER_COLLEGE;POST_SECONDARY;INTERNATIONAL;63;Өскемен;Жаңа көше, 1;https://new.example;en',
    ].join('\n');
    expect(expectOk(await importOrganizations(prisma(), file))).toMatchObject({ created: 0, updated: 1 });
    const updated = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000013' } });
    expect(updated).toEqual({
      ...created,
      binIsPlaceholder: false,
      nameKk: '«Жаңа» колледжі',
      nameRu: 'Колледж «Новый»',
      nameEn: null,
      kind: 'HIGHER_COLLEGE',
      level: 'POST_SECONDARY',
      programmeType: 'INTERNATIONAL',
      regionId: await regionId('63'),
      city: 'Өскемен',
      address: 'Жаңа көше, 1',
      website: 'https://new.example',
      languages: ['EN'],
      updatedAt: updated.updatedAt,
    });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('writes nothing when one row among good ones is invalid, and names row, column and rule', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    const result = await importOrganizations(prisma(), fixture('organizations-one-bad-row.csv'));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 4,
          column: 'bin',
          rule: 'BIN_CHECK_DIGIT',
          message: expect.stringMatching(/^BIN "990040000014": the 12th digit of a BIN must equal its check digit/),
        },
      ],
    });
    expect(await count()).toBe(4);
    expect(await prisma().organization.findMany({ where: { bin: { in: ['990040000093', '990040000102'] } } })).toEqual([]);
  });

  it('reports every invalid row of a bad file', async () => {
    const result = await importOrganizations(prisma(), fixture('organizations-bad.csv'));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual([
      { row: 3, column: 'bin', rule: 'BIN_CHECK_DIGIT' },
      { row: 4, column: 'kind', rule: 'INVALID_KIND' },
      { row: 5, column: 'region_code', rule: 'UNKNOWN_REGION' },
      { row: 5, column: 'languages', rule: 'INVALID_LANGUAGE' },
      { row: 6, column: 'bin', rule: 'DUPLICATE_BIN_IN_FILE' },
      { row: 7, column: 'name_ru', rule: 'REQUIRED' },
      { row: 7, column: 'website', rule: 'INVALID_URL' },
    ]);
    expect(await count()).toBe(0);
  });

  it('imports a file with a BOM, ";" separators, CRLF, empty lines and a reordered header', async () => {
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-bom-semicolon.csv')))).toMatchObject({
      created: 3,
      rows: 3,
    });
    const rows = await prisma().organization.findMany({ orderBy: { bin: 'asc' } });
    expect(rows.map(({ bin, nameKk, nameRu, nameEn, kind, level, programmeType, address, website, languages }) => ({
      bin,
      nameKk,
      nameRu,
      nameEn,
      kind,
      level,
      programmeType,
      address,
      website,
      languages,
    }))).toEqual([
      {
        bin: '990040000053',
        nameKk: '«Дарын» мамандандырылған лицейі',
        nameRu: 'Специализированный лицей «Дарын»',
        nameEn: 'Daryn Lyceum',
        kind: 'SCHOOL',
        level: 'SECONDARY',
        programmeType: 'SPECIALISED_GIFTED',
        address: 'Байтұрсынұлы көшесі, 5',
        website: 'https://daryn.example',
        languages: ['KK'],
      },
      {
        bin: '990040000063',
        nameKk: 'Павлодар "Жұлдыз" мектеп-лицейі',
        nameRu: 'Школа-лицей «Жулдыз»; филиал',
        nameEn: null,
        kind: 'SCHOOL',
        level: 'SECONDARY',
        programmeType: 'STATE_STANDARD',
        address: null,
        website: null,
        languages: ['KK', 'RU'],
      },
      {
        bin: '990040000073',
        nameKk: 'Өскемен сервис колледжі',
        nameRu: 'Колледж сервиса',
        nameEn: null,
        kind: 'COLLEGE',
        level: 'TECHNICAL_VOCATIONAL',
        programmeType: 'INTERNATIONAL',
        address: null,
        website: null,
        languages: ['RU', 'KK'],
      },
    ]);
  });

  it('imports the sample file of docs/organizations-csv.md', async () => {
    const sample = readFileSync(new URL('../../../docs/organizations-sample.csv', import.meta.url));
    expect(expectOk(await importOrganizations(prisma(), sample))).toMatchObject({ created: 8, rows: 8, predecessorLinks: 1 });
    expect(
      await prisma().organization.findUniqueOrThrow({ where: { bin: '160040006545' }, select: { predecessor: { select: { bin: true } } } }),
    ).toEqual({ predecessor: { bin: '150040006543' } });
    expect(await prisma().organization.findUniqueOrThrow({ where: { bin: '050041003216' } })).toMatchObject({
      nameKk: 'Қарағанды политехникалық колледжі, Теміртау филиалы',
      nameEn: 'Karaganda Polytechnic College, Temirtau Branch',
    });
  });

  it('refuses a file that is not UTF-8, with one error', async () => {
    const result = await importOrganizations(prisma(), fixture('organizations-cp1251.csv'));
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 2, column: '', rule: 'INVALID_ENCODING', message: expect.stringMatching(/not valid UTF-8/) }],
    });
    expect(await count()).toBe(0);
  });

  it('refuses to import before the regions are loaded', async () => {
    await prisma().region.deleteMany();
    const result = await importOrganizations(prisma(), fixture('organizations-good.csv'));
    expect(result).toMatchObject({ ok: false, errors: [{ row: 0, rule: 'NO_REGIONS' }] });
  });

  it('checks and counts without writing in a dry run', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv'), { dryRun: true }))).toEqual({
      ok: true,
      created: 1,
      updated: 2,
      unchanged: 2,
      rows: 5,
      predecessorLinks: 0,
    });
    expect(await count()).toBe(4);
  });

  it('rolls everything back and reports it when the database refuses a write mid-transaction', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    const before = await prisma().organization.findMany({ orderBy: { bin: 'asc' } });
    // A rule the validator does not know, so that only the database can refuse the row.
    await prisma().$executeRawUnsafe(`ALTER TABLE "organization" ADD CONSTRAINT "test_refused" CHECK ("name_ru" NOT LIKE '%имени Абая')`);
    try {
      // organizations-changed.csv creates one organization, then updates the refused one.
      const result = await importOrganizations(prisma(), fixture('organizations-changed.csv'));
      expect(result).toMatchObject({ ok: false, errors: [{ row: 0, column: '', rule: 'DATABASE' }] });
      expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^the database refused the import and nothing was written/);
      expect(await prisma().organization.findMany({ orderBy: { bin: 'asc' } })).toEqual(before);
    } finally {
      await prisma().$executeRawUnsafe(`ALTER TABLE "organization" DROP CONSTRAINT "test_refused"`);
    }
  });

  it('imports 8,600 rows, then updates them all, with a handful of statements each time', { timeout: 240_000 }, async () => {
    let started = Date.now();
    statements = 0;
    expect(expectOk(await importOrganizations(prisma(), generatedFile(8_600)))).toMatchObject({ created: 8_600 });
    expect(statements).toBeLessThan(20);
    expect(Date.now() - started).toBeLessThan(60_000);

    started = Date.now();
    statements = 0;
    expect(expectOk(await importOrganizations(prisma(), generatedFile(8_600, ' (жаңартылды)')))).toMatchObject({
      created: 0,
      updated: 8_600,
    });
    expect(statements).toBeLessThan(10);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await prisma().organization.count({ where: { nameKk: { endsWith: '(жаңартылды)' } } })).toBe(8_600);
  });
});

describe.each(kinds)('reorganisations in the organizations import on %s', (kind) => {
  let api: TestApi;
  const prisma = () => api.db.prisma;
  const HEADER = 'bin,name_kk,name_ru,kind,level,region_code,city,languages,predecessor_bin';
  /** A minimal row of a school in Astana. */
  const school = (bin: string, predecessorBin = '') => `${bin},№ ${bin} мектеп,Школа № ${bin},SCHOOL,SECONDARY,71,Астана,kk,${predecessorBin}`;
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

  interface Links {
    organization: { predecessor: { bin: string } | null; successors: { bin: string }[] } | null;
  }
  /** The links as the public API shows them, successors sorted by BIN. */
  async function links(bin: string): Promise<{ predecessor: string | null; successors: string[] }> {
    const result = await api.query<Links>(`query ($bin: String!) { organization(bin: $bin) { predecessor { bin } successors { bin } } }`, { bin });
    expect(result.errors).toBeUndefined();
    const organization = result.data?.organization;
    if (!organization) throw new Error(`the API has no organization ${bin}`);
    return { predecessor: organization.predecessor?.bin ?? null, successors: organization.successors.map((s) => s.bin).sort() };
  }
  const storedLinks = () =>
    prisma().organization.findMany({ orderBy: { bin: 'asc' }, select: { bin: true, predecessor: { select: { bin: true } } } });

  beforeAll(async () => {
    api = await startTestApi({ kind, seed: false });
  });
  afterAll(() => api?.stop());
  beforeEach(async () => {
    await prisma().organization.deleteMany();
    await prisma().region.deleteMany();
    await prisma().region.createMany({ data: [...REGIONS] });
  });

  it('links organizations to what they were reorganised from, and the API shows both directions', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    const at = new Date('2026-12-04T06:00:00Z');
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-reorganised.csv'), { now: at }))).toEqual({
      ok: true,
      created: 3,
      updated: 0,
      unchanged: 2,
      rows: 5,
      predecessorLinks: 3,
    });
    // School No. 1 was split into a primary school and a lyceum; "Ghylym" became a school-gymnasium.
    expect(await links('990040000013')).toEqual({ predecessor: null, successors: ['990040000201', '990040000211'] });
    expect(await links('990040000201')).toEqual({ predecessor: '990040000013', successors: [] });
    expect(await links('990040000211')).toEqual({ predecessor: '990040000013', successors: [] });
    expect(await links('990040000023')).toEqual({ predecessor: null, successors: ['990040000221'] });
    expect(await links('990040000221')).toEqual({ predecessor: '990040000023', successors: [] });

    const event = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'organizations.import', occurredAt: at } });
    expect(event.before).toMatchObject({ predecessors: { '990040000201': null, '990040000211': null, '990040000221': null } });
    expect(event.after).toMatchObject({
      predecessors: { '990040000201': '990040000013', '990040000211': '990040000013', '990040000221': '990040000023' },
    });
    expect(await verifyAuditChain(prisma())).toMatchObject({ ok: true });
  });

  it('takes a predecessor from the same file, in any row order', async () => {
    expect(expectOk(await importOrganizations(prisma(), file(school('990040000221', '990040000201'), school('990040000201'))))).toMatchObject({
      created: 2,
      predecessorLinks: 1,
    });
    expect(await links('990040000201')).toEqual({ predecessor: null, successors: ['990040000221'] });
  });

  it('counts the links in a dry run without writing them', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-reorganised.csv'), { dryRun: true }))).toMatchObject({
      created: 3,
      predecessorLinks: 3,
    });
    expect(await prisma().organization.count()).toBe(4);
    expect(await links('990040000013')).toEqual({ predecessor: null, successors: [] });
  });

  it('refuses the whole file when a predecessor is neither registered nor in the file', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    const before = await prisma().organization.findMany({ orderBy: { bin: 'asc' } });
    const result = await importOrganizations(
      prisma(),
      file(school('990040000201', '990040000013'), school('990040000211', '990040000231'), school('990040000221', '990040000241')),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          column: 'predecessor_bin',
          rule: 'UNKNOWN_PREDECESSOR',
          message: expect.stringMatching(/^predecessor_bin "990040000231" is neither in the register nor in this file/),
        },
        { row: 4, column: 'predecessor_bin', rule: 'UNKNOWN_PREDECESSOR', message: expect.stringMatching(/"990040000241"/) },
      ],
    });
    expect(await prisma().organization.findMany({ orderBy: { bin: 'asc' } })).toEqual(before);
  });

  it('refuses a cycle within the file and one closed through the register, naming every row on it', async () => {
    const inFile = await importOrganizations(
      prisma(),
      file(school('990040000201'), school('990040000211', '990040000221'), school('990040000221', '990040000211')),
    );
    expect(inFile.ok ? [] : inFile.errors.map(({ row, column, rule }) => ({ row, column, rule }))).toEqual([
      { row: 3, column: 'predecessor_bin', rule: 'PREDECESSOR_CYCLE' },
      { row: 4, column: 'predecessor_bin', rule: 'PREDECESSOR_CYCLE' },
    ]);
    expect(inFile.ok ? '' : inFile.errors[0]?.message).toMatch(/\(990040000211 → 990040000221 → 990040000211\)/);
    expect(await prisma().organization.count()).toBe(0);

    // 201 ← 211 ← 221 is registered; a file that makes 201 the successor of 221 closes the loop.
    expectOk(
      await importOrganizations(prisma(), file(school('990040000201'), school('990040000211', '990040000201'), school('990040000221', '990040000211'))),
    );
    const before = await storedLinks();
    const throughRegister = await importOrganizations(prisma(), file(school('990040000231'), school('990040000201', '990040000221')));
    expect(throughRegister).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          column: 'predecessor_bin',
          rule: 'PREDECESSOR_CYCLE',
          message: expect.stringContaining('(990040000201 → 990040000221 → 990040000211 → 990040000201)'),
        },
      ],
    });
    expect(await storedLinks()).toEqual(before);
    expect(await prisma().organization.count()).toBe(3);
  });

  it('keeps the links when a file has no predecessor_bin column, and clears one given as empty', async () => {
    expectOk(await importOrganizations(prisma(), fixture('organizations-good.csv')));
    expectOk(await importOrganizations(prisma(), fixture('organizations-reorganised.csv')));
    const linked = await storedLinks();

    // organizations-changed.csv has no predecessor_bin: it renames School No. 1 and keeps its successors.
    expect(expectOk(await importOrganizations(prisma(), fixture('organizations-changed.csv')))).toMatchObject({
      created: 1,
      updated: 2,
      predecessorLinks: 0,
    });
    expect(await storedLinks()).toEqual(expect.arrayContaining(linked));
    expect(await links('990040000013')).toEqual({ predecessor: null, successors: ['990040000201', '990040000211'] });

    const lyceum = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000211' } });
    const cleared = await importOrganizations(
      prisma(),
      [
        'bin,name_kk,name_ru,name_en,kind,level,region_code,city,address,website,languages,predecessor_bin',
        '990040000211,"«Болашақ» № 1 лицейі","Лицей № 1 «Болашак»","""Bolashaq"" Lyceum No. 1",SCHOOL,SECONDARY,71,Астана,"Тәуелсіздік даңғылы, 1/2",,kk|ru,',
      ].join('\n'),
    );
    // Only the link changes, and that counts as an update of the lyceum.
    expect(expectOk(cleared)).toMatchObject({ created: 0, updated: 1, unchanged: 0, predecessorLinks: 1 });
    expect(await links('990040000211')).toEqual({ predecessor: null, successors: [] });
    expect(await links('990040000013')).toEqual({ predecessor: null, successors: ['990040000201'] });
    const after = await prisma().organization.findUniqueOrThrow({ where: { bin: '990040000211' } });
    expect(after).toEqual({ ...lyceum, predecessorId: null, updatedAt: after.updatedAt });
  });
});
