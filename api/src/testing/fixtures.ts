// Register data for tests, built directly in the database: each organization stands for
// one case of the accreditation-status rule, on the pinned day TEST_TODAY.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CaseStage, DecisionOutcome } from '../generated/prisma/enums.ts';
import { binCheckDigit } from '../organizations/bin.ts';
import { fromIsoDate } from '../shared/dates.ts';

export const TEST_TODAY = '2026-12-03';
/** Noon in Astana on TEST_TODAY. */
export const testNow = () => new Date(`${TEST_TODAY}T07:00:00Z`);

/** The n-th valid BIN of a series that no real organization uses (prefix 8888). */
export function testBin(n: number): string {
  for (let candidate = n * 3; ; candidate += 1) {
    const first11 = `8888${String(candidate).padStart(7, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

interface DecisionSpec {
  number: string;
  outcome: DecisionOutcome;
  decisionDate: string;
  validUntil?: string;
  published?: boolean;
  supersedes?: string;
}

interface OrganizationSpec {
  key: string;
  regionCode: '71' | '75';
  nameRu: string;
  cases?: { stage: CaseStage; decisions?: DecisionSpec[] }[];
}

/** Expected public status on TEST_TODAY of each fixture organization. */
export const fixtureOrganizations: (OrganizationSpec & { expected: string })[] = [
  {
    key: 'valid-until-today',
    regionCode: '71',
    nameRu: 'Школа «Последний день»',
    expected: 'ACCREDITED',
    cases: [{ stage: 'POST_ACCREDITATION', decisions: [{ number: 'T-1', outcome: 'ACCREDITED', decisionDate: '2021-12-04', validUntil: '2026-12-03' }] }],
  },
  {
    key: 'expired-yesterday',
    regionCode: '71',
    nameRu: 'Колледж «Вчера истёк»',
    expected: 'EXPIRED',
    cases: [{ stage: 'RE_ACCREDITATION_DUE', decisions: [{ number: 'T-2', outcome: 'ACCREDITED', decisionDate: '2021-12-03', validUntil: '2026-12-02' }] }],
  },
  {
    key: 'refused-after-accredited',
    regionCode: '75',
    nameRu: 'Школа «Отказ после аккредитации»',
    expected: 'REFUSED',
    cases: [
      { stage: 'POST_ACCREDITATION', decisions: [{ number: 'T-3', outcome: 'ACCREDITED', decisionDate: '2023-01-10', validUntil: '2028-01-09' }] },
      { stage: 'DECIDED', decisions: [{ number: 'T-4', outcome: 'REFUSED', decisionDate: '2026-10-01' }] },
    ],
  },
  {
    key: 'in-progress',
    regionCode: '75',
    nameRu: 'Школа «Идёт процедура»',
    expected: 'IN_PROGRESS',
    cases: [{ stage: 'EXTERNAL_VISIT' }],
  },
  {
    key: 'decided-unpublished',
    regionCode: '75',
    nameRu: 'Школа «Решение не опубликовано»',
    expected: 'IN_PROGRESS',
    cases: [{ stage: 'DECIDED', decisions: [{ number: 'T-5', outcome: 'REFUSED', decisionDate: '2026-11-20', published: false }] }],
  },
  {
    key: 'corrected',
    regionCode: '71',
    nameRu: 'Школа «Исправленное решение»',
    expected: 'ACCREDITED',
    cases: [
      {
        stage: 'POST_ACCREDITATION',
        decisions: [
          { number: 'T-6', outcome: 'ACCREDITED', decisionDate: '2024-03-01', validUntil: '2025-02-28' },
          { number: 'T-7', outcome: 'ACCREDITED', decisionDate: '2024-03-01', validUntil: '2029-02-28', supersedes: 'T-6' },
        ],
      },
    ],
  },
  { key: 'applied-only', regionCode: '71', nameRu: 'Школа «Только заявка»', expected: 'NOT_ACCREDITED', cases: [{ stage: 'APPLICATION_SUBMITTED' }] },
  { key: 'no-history', regionCode: '71', nameRu: 'Школа «Без истории»', expected: 'NOT_ACCREDITED' },
];

export interface RegisterFixture {
  organizationIds: Map<string, string>;
  bins: Map<string, string>;
  decisionIds: Map<string, string>;
  frameworkId: string;
}

export async function createRegisterFixture(prisma: PrismaClient): Promise<RegisterFixture> {
  const regions = new Map<string, string>();
  for (const [code, en] of [
    ['71', 'Astana'],
    ['75', 'Almaty'],
  ] as const) {
    const row = await prisma.region.create({
      data: { code, kind: 'CITY', nameKk: en, nameRu: en, nameEn: en, centre: en },
    });
    regions.set(code, row.id);
  }
  const framework = await prisma.standardFramework.create({
    data: {
      version: 1,
      status: 'ACTIVE',
      titleKk: 'Стандарттар',
      titleRu: 'Стандарты',
      standards: {
        create: [{ key: 'A', code: 'A', position: 1, titleKk: 'Миссия', titleRu: 'Миссия', criteria: { create: [{ key: 'A.1', code: 'A.1', position: 1, textKk: 'Мәтін', textRu: 'Текст' }] } }],
      },
    },
  });
  const fixture: RegisterFixture = { organizationIds: new Map(), bins: new Map(), decisionIds: new Map(), frameworkId: framework.id };
  let caseNumber = 0;
  for (const [index, spec] of fixtureOrganizations.entries()) {
    const bin = testBin(index + 1);
    const organization = await prisma.organization.create({
      data: {
        bin,
        nameKk: `${spec.nameRu} (kk)`,
        nameRu: spec.nameRu,
        kind: spec.nameRu.startsWith('Колледж') ? 'COLLEGE' : 'SCHOOL',
        level: spec.nameRu.startsWith('Колледж') ? 'TECHNICAL_VOCATIONAL' : 'SECONDARY',
        languages: ['KK', 'RU'],
        regionId: regions.get(spec.regionCode) ?? '',
        city: spec.regionCode === '71' ? 'Astana' : 'Almaty',
      },
    });
    fixture.organizationIds.set(spec.key, organization.id);
    fixture.bins.set(spec.key, bin);
    for (const caseSpec of spec.cases ?? []) {
      caseNumber += 1;
      const accreditationCase = await prisma.accreditationCase.create({
        data: {
          number: `T-CASE-${caseNumber}`,
          organizationId: organization.id,
          frameworkId: framework.id,
          stage: caseSpec.stage,
          submittedAt: new Date('2020-01-01T04:00:00Z'),
        },
      });
      for (const decision of caseSpec.decisions ?? []) {
        const row = await prisma.decision.create({
          data: {
            number: decision.number,
            caseId: accreditationCase.id,
            organizationId: organization.id,
            outcome: decision.outcome,
            decisionDate: fromIsoDate(decision.decisionDate),
            validFrom: decision.validUntil ? fromIsoDate(decision.decisionDate) : null,
            validUntil: decision.validUntil ? fromIsoDate(decision.validUntil) : null,
            summaryRu: `Решение ${decision.number}`,
            publishedAt: decision.published === false ? null : new Date(`${decision.decisionDate}T10:00:00Z`),
            supersedesId: decision.supersedes ? fixture.decisionIds.get(decision.supersedes) : null,
          },
        });
        fixture.decisionIds.set(decision.number, row.id);
      }
    }
  }
  return fixture;
}
