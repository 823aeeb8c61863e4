// A generated national-size register for the site benchmark: schools and colleges spread
// over the 20 regions roughly like Kazakhstan's population, with names in kk/ru/en (some
// without English), valid BINs in a series of their own (prefix 7777), languages of
// instruction and, for a share of them, published decisions, audit events and reports.
// Everything is flagged as demonstration data (isDemo) and its case numbers start with
// "BENCH-": it is not real and must never be loaded into a production database.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CaseStage, DecisionOutcome, EducationLevel, Language, OrganizationKind, ProgrammeType } from '../generated/prisma/enums.ts';
import { appendAuditEvents, systemActor } from '../audit/trail.ts';
import { binCheckDigit } from '../organizations/bin.ts';
import { addDays, addYears } from '../jobs/calendar.ts';
import { chunks } from '../shared/chunks.ts';
import { fromIsoDate, todayInKazakhstan } from '../shared/dates.ts';
import { seededRandom } from '../shared/random.ts';

/** Population of each region in thousands (Bureau of National Statistics, early 2024, rounded). */
const POPULATION: Record<string, number> = {
  '10': 603, '11': 785, '15': 940, '19': 1_520, '23': 700, '27': 690, '31': 1_220, '33': 700, '35': 1_130, '39': 830,
  '43': 830, '47': 790, '55': 750, '59': 530, '61': 2_130, '62': 220, '63': 730, '71': 1_420, '75': 2_230, '79': 1_220,
};

/** Share of each kind in the register (about 7,400 schools and 1,200 colleges at 8,600). */
const KIND_SHARES: { value: { kind: OrganizationKind; level: EducationLevel }; share: number }[] = [
  { value: { kind: 'SCHOOL', level: 'SECONDARY' }, share: 0.86 },
  { value: { kind: 'COLLEGE', level: 'TECHNICAL_VOCATIONAL' }, share: 0.105 },
  { value: { kind: 'HIGHER_COLLEGE', level: 'POST_SECONDARY' }, share: 0.035 },
];

/** Languages of instruction: mostly Kazakh, then mixed Kazakh/Russian, Russian, a few trilingual. */
const LANGUAGE_SHARES: { value: Language[]; share: number }[] = [
  { value: ['KK'], share: 0.58 },
  { value: ['KK', 'RU'], share: 0.3 },
  { value: ['RU'], share: 0.1 },
  { value: ['KK', 'RU', 'EN'], share: 0.02 },
];

/** Share of organizations with a published decision, and how it ended. */
const DECIDED_SHARE = 0.25;
const IN_PROGRESS_SHARE = 0.05;
const REFUSED_SHARE = 0.1;
const EXPIRED_SHARE = 0.15;
/** Share of decided organizations with a published external report. */
const REPORT_SHARE = 0.5;
/** Share of organizations with no English name (the site then shows the missing-translation note). */
const NO_ENGLISH_SHARE = 0.2;

const BATCH = 1_000;

export interface GeneratedRegister {
  organizations: number;
  schools: number;
  colleges: number;
  cases: number;
  decisions: number;
  reports: number;
}

/** The value whose share contains r (0 <= r < 1); the shares add up to 1. */
function pick<T>(shares: { value: T; share: number }[], r: number): T {
  let sum = 0;
  for (const { value, share } of shares) {
    sum += share;
    if (r < sum) return value;
  }
  return shares[shares.length - 1]!.value;
}

/** The n-th valid BIN of the benchmark series 7777…, skipping numbers without a check digit. */
function* benchmarkBins(): Generator<string> {
  for (let n = 0; ; n += 1) {
    const first11 = `7777${String(n).padStart(7, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) yield `${first11}${check}`;
  }
}

/**
 * Adds generated organizations until the register holds `total` (the seeded ones count),
 * with createMany in batches of 1,000 rows.
 */
export async function generateNationalRegister(prisma: PrismaClient, total: number): Promise<GeneratedRegister> {
  const existing = await prisma.organization.count();
  const count = Math.max(0, total - existing);
  // Deterministic, so that two runs of the benchmark build the same register.
  const next = seededRandom(20_261_203);
  const regions = await prisma.region.findMany({ select: { id: true, code: true, centre: true, nameRu: true } });
  const framework = await prisma.standardFramework.findFirst({
    where: { status: 'ACTIVE' },
    select: { id: true, validityYears: true, standards: { select: { id: true, code: true }, orderBy: { position: 'asc' } } },
  });
  if (!framework) throw new Error('No active standards framework: seed the database first.');
  const populationTotal = regions.reduce((sum, region) => sum + (POPULATION[region.code] ?? 0), 0);
  const today = todayInKazakhstan();
  const bins = benchmarkBins();

  const organizations: {
    id: string;
    bin: string;
    nameKk: string;
    nameRu: string;
    nameEn: string | null;
    kind: OrganizationKind;
    level: EducationLevel;
    programmeType: ProgrammeType;
    languages: Language[];
    regionId: string;
    city: string;
    address: string;
    isDemo: true;
  }[] = [];
  const cases: { id: string; number: string; organizationId: string; frameworkId: string; stage: CaseStage; submittedAt: Date; isDemo: true }[] = [];
  const decisions: {
    id: string;
    number: string;
    caseId: string;
    organizationId: string;
    outcome: DecisionOutcome;
    decisionDate: Date;
    validFrom: Date | null;
    validUntil: Date | null;
    summaryKk: string;
    summaryRu: string;
    summaryEn: string;
    publishedAt: Date;
    isDemo: true;
  }[] = [];
  const reports: {
    id: string;
    caseId: string;
    organizationId: string;
    kind: 'EXTERNAL_FINAL';
    language: Language;
    title: string;
    summary: string;
    publishedAt: Date;
    status: 'APPROVED';
    isDemo: true;
  }[] = [];
  const sections: { reportId: string; standardId: string; position: number; findings: string; strengths: string; recommendations: string }[] = [];
  let schools = 0;

  // Regions in a fixed order; each gets its share of the generated organizations.
  const ordered = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  let made = 0;
  for (const [index, region] of ordered.entries()) {
    const share = (POPULATION[region.code] ?? 0) / populationTotal;
    const inRegion = index === ordered.length - 1 ? count - made : Math.round(count * share);
    for (let k = 0; k < inRegion; k += 1) {
      made += 1;
      const n = made;
      const { kind, level } = pick(KIND_SHARES, next());
      const languages = pick(LANGUAGE_SHARES, next());
      const city = region.centre;
      const id = `bench-org-${n}`;
      const bin = bins.next().value as string;
      const number = 1 + Math.floor(next() * 180);
      let nameKk: string;
      let nameRu: string;
      let nameEn: string | null;
      if (kind === 'SCHOOL') {
        schools += 1;
        nameKk = `${city} қаласының №${number} жалпы білім беретін мектебі (бенчмарк ${n})`;
        nameRu = `Общеобразовательная школа №${number} г. ${city} (бенчмарк ${n})`;
        nameEn = `${city} Secondary School No. ${number} (benchmark ${n})`;
      } else {
        const field = ['Polytechnic', 'Medical', 'Agrarian', 'Pedagogical', 'Transport'][n % 5]!;
        const fieldRu = ['Политехнический', 'Медицинский', 'Аграрный', 'Педагогический', 'Транспортный'][n % 5]!;
        const fieldKk = ['Политехникалық', 'Медициналық', 'Аграрлық', 'Педагогикалық', 'Көлік'][n % 5]!;
        const higher = kind === 'HIGHER_COLLEGE';
        nameKk = `${city} ${fieldKk} ${higher ? 'жоғары колледжі' : 'колледжі'} (бенчмарк ${n})`;
        nameRu = `${fieldRu} ${higher ? 'высший колледж' : 'колледж'} г. ${city} (бенчмарк ${n})`;
        nameEn = `${city} ${field} ${higher ? 'Higher College' : 'College'} (benchmark ${n})`;
      }
      if (next() < NO_ENGLISH_SHARE) nameEn = null;
      organizations.push({
        id,
        bin,
        nameKk,
        nameRu,
        nameEn,
        kind,
        level,
        programmeType: kind === 'SCHOOL' && next() < 0.03 ? 'SPECIALISED_GIFTED' : 'STATE_STANDARD',
        languages,
        regionId: region.id,
        city,
        address: `${city}, ${1 + Math.floor(next() * 200)} (benchmark)`,
        isDemo: true,
      });

      const r = next();
      if (r >= DECIDED_SHARE + IN_PROGRESS_SHARE) continue;
      const caseId = `bench-case-${n}`;
      const caseNumber = `BENCH-${String(n).padStart(5, '0')}`;
      if (r >= DECIDED_SHARE) {
        cases.push({ id: caseId, number: caseNumber, organizationId: id, frameworkId: framework.id, stage: 'EXTERNAL_VISIT', submittedAt: fromIsoDate(addDays(today, -120)), isDemo: true });
        continue;
      }
      const o = next();
      const outcome: DecisionOutcome = o < REFUSED_SHARE ? 'REFUSED' : 'ACCREDITED';
      const expired = outcome === 'ACCREDITED' && o < REFUSED_SHARE + EXPIRED_SHARE;
      // Accredited: decided within the validity period; expired: before it; refused: in the last three years.
      const yearsAgo = expired ? framework.validityYears + 1 : outcome === 'REFUSED' ? 1 : 0;
      const decisionDate = addDays(addYears(today, -yearsAgo - Math.floor(next() * 3)), -Math.floor(next() * 300));
      const validUntil = outcome === 'ACCREDITED' ? addDays(addYears(decisionDate, framework.validityYears), -1) : null;
      const stage: CaseStage = outcome === 'REFUSED' ? 'DECIDED' : expired ? 'RE_ACCREDITATION_DUE' : 'POST_ACCREDITATION';
      cases.push({ id: caseId, number: caseNumber, organizationId: id, frameworkId: framework.id, stage, submittedAt: fromIsoDate(addYears(decisionDate, -1)), isDemo: true });
      const publishedAt = new Date(`${addDays(decisionDate, 3)}T10:00:00Z`);
      decisions.push({
        id: `bench-decision-${n}`,
        number: `BENCH-D-${String(n).padStart(5, '0')}`,
        caseId,
        organizationId: id,
        outcome,
        decisionDate: fromIsoDate(decisionDate),
        validFrom: validUntil ? fromIsoDate(decisionDate) : null,
        validUntil: validUntil ? fromIsoDate(validUntil) : null,
        summaryKk: outcome === 'ACCREDITED' ? 'Бенчмарк деректері: ұйым аккредиттелді.' : 'Бенчмарк деректері: аккредиттеуден бас тартылды.',
        summaryRu: outcome === 'ACCREDITED' ? 'Данные бенчмарка: организация аккредитована.' : 'Данные бенчмарка: в аккредитации отказано.',
        summaryEn: outcome === 'ACCREDITED' ? 'Benchmark data: the organization is accredited.' : 'Benchmark data: accreditation refused.',
        publishedAt,
        isDemo: true,
      });
      if (next() >= REPORT_SHARE) continue;
      const reportId = `bench-report-${n}`;
      const language: Language = languages[0] ?? 'KK';
      reports.push({
        id: reportId,
        caseId,
        organizationId: id,
        kind: 'EXTERNAL_FINAL',
        language,
        title: language === 'RU' ? `Итоговый отчёт по внешней оценке: ${nameRu}` : `Сыртқы бағалау бойынша қорытынды есеп: ${nameKk}`,
        summary: language === 'RU' ? 'Данные бенчмарка: сгенерированный отчёт.' : 'Бенчмарк деректері: жасалған есеп.',
        publishedAt,
        status: 'APPROVED',
        isDemo: true,
      });
      for (const [position, standard] of framework.standards.entries()) {
        sections.push({
          reportId,
          standardId: standard.id,
          position: position + 1,
          findings: `Benchmark findings for standard ${standard.code}: the organization meets the requirements in most respects; the experts checked documents, visited lessons and interviewed staff, students and parents.`,
          strengths: `Benchmark strength for standard ${standard.code}.`,
          recommendations: `Benchmark recommendation for standard ${standard.code}.`,
        });
      }
    }
  }

  for (const batch of chunks(organizations, BATCH)) await prisma.organization.createMany({ data: batch });
  for (const batch of chunks(cases, BATCH)) await prisma.accreditationCase.createMany({ data: batch });
  for (const batch of chunks(decisions, BATCH)) await prisma.decision.createMany({ data: batch });
  // The public decision history is read from the audit trail, as for real publications.
  for (const batch of chunks(decisions, BATCH)) {
    await prisma.$transaction((tx) =>
      appendAuditEvents(
        tx,
        batch.map((decision) => ({
          actor: systemActor,
          action: 'decision.publish',
          subjectType: 'Decision',
          subjectId: decision.id,
          before: { publishedAt: null },
          after: { publishedAt: decision.publishedAt.toISOString(), outcome: decision.outcome, supersedes: null, demo: true },
          at: decision.publishedAt,
        })),
      ),
    );
  }
  for (const batch of chunks(reports, BATCH)) await prisma.report.createMany({ data: batch });
  for (const batch of chunks(sections, BATCH)) await prisma.reportSection.createMany({ data: batch });
  return { organizations: count, schools, colleges: count - schools, cases: cases.length, decisions: decisions.length, reports: reports.length };
}
