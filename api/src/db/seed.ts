// Loads prisma/seed/*.json: regions, the NIS campuses (with placeholder BINs, flagged),
// the sample standards framework and clearly flagged demonstration cases. Idempotent:
// everything is upserted by its natural key, so running it again changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAuditEvent, systemActor } from '../audit/trail.ts';
import { repositoryRoot } from '../config.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import {
  CaseStage,
  DecisionOutcome,
  EducationLevel,
  FrameworkStatus,
  Language,
  OrganizationKind,
  ProgrammeType,
  QuestionKind,
  RegionKind,
  ReportKind,
  SurveyAudience,
} from '../generated/prisma/enums.ts';
import { seedDemoExperts } from '../experts/demo-seed.ts';
import { seedDemoSupport, supportSeedFile } from '../support/demo-seed.ts';
import { isValidBin } from '../organizations/bin.ts';
import { fromIsoDate } from '../shared/dates.ts';

export const seedDir = join(repositoryRoot, 'prisma', 'seed');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD');
const timestamp = z.iso.datetime({ offset: true });
const text = z.string().trim().min(1);

const regionsFile = z.object({
  regions: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2}$/),
        kind: z.enum(RegionKind),
        nameKk: text,
        nameRu: text,
        nameEn: text,
        centre: text,
      }),
    )
    .length(20),
});

const organizationsFile = z.object({
  organizations: z.array(
    z.object({
      bin: z.string().refine(isValidBin, 'a 12-digit BIN with a valid check digit'),
      binIsPlaceholder: z.boolean(),
      nameKk: text,
      nameRu: text,
      nameEn: text.nullable(),
      kind: z.enum(OrganizationKind),
      level: z.enum(EducationLevel),
      programmeType: z.enum(ProgrammeType),
      languages: z.array(z.enum(Language)).min(1),
      regionCode: z.string().regex(/^\d{2}$/),
      city: text,
      address: text.nullable(),
      website: z.url().nullable(),
    }),
  ),
});

const frameworkFile = z.object({
  version: z.number().int().positive(),
  status: z.enum(FrameworkStatus),
  isSample: z.boolean(),
  validityYears: z.number().int().min(1).max(10),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
  titleKk: text,
  titleRu: text,
  titleEn: text.nullable(),
  summaryKk: text.nullable(),
  summaryRu: text.nullable(),
  summaryEn: text.nullable(),
  // `key` is the stable identity across versions: a standard or criterion keeps its key when
  // its code is renumbered or it moves to another standard; versions are compared by key.
  standards: z.array(
    z.object({
      key: text,
      code: text,
      titleKk: text,
      titleRu: text,
      titleEn: text.nullable(),
      descriptionKk: text.nullable(),
      descriptionRu: text.nullable(),
      descriptionEn: text.nullable(),
      criteria: z.array(z.object({ key: text, code: text, textKk: text, textRu: text, textEn: text.nullable() })).min(1),
    }),
  ),
});
type FrameworkFile = z.infer<typeof frameworkFile>;

/** The framework files, framework-v<N>.json, oldest first; each checked for unique keys and codes. */
function readFrameworks(): FrameworkFile[] {
  const files = readdirSync(seedDir).filter((name) => /^framework-v\d+\.json$/.test(name));
  const frameworks = files.map((name) => {
    const framework = readSeedFile(name, frameworkFile);
    if (`framework-v${framework.version}.json` !== name) throw new Error(`prisma/seed/${name} holds version ${framework.version}`);
    const criteria = framework.standards.flatMap((standard) => standard.criteria);
    for (const [what, values] of [
      ['standard key', framework.standards.map((standard) => standard.key)],
      ['standard code', framework.standards.map((standard) => standard.code)],
      ['criterion key', criteria.map((criterion) => criterion.key)],
      ['criterion code', criteria.map((criterion) => criterion.code)],
    ] as const) {
      const repeated = values.find((value, index) => values.indexOf(value) !== index);
      if (repeated) throw new Error(`prisma/seed/${name}: ${what} ${repeated} is used twice`);
    }
    return framework;
  });
  return frameworks.sort((a, b) => a.version - b.version);
}

const demoFile = z.object({
  cases: z.array(
    z.object({
      number: z.string().startsWith('DEMO-'),
      organizationBin: z.string(),
      frameworkVersion: z.number().int(),
      stage: z.enum(CaseStage),
      submittedAt: timestamp,
      registeredAt: timestamp.nullable(),
      preliminaryVisitFrom: isoDate.nullable(),
      preliminaryVisitTo: isoDate.nullable(),
      externalVisitFrom: isoDate.nullable(),
      externalVisitTo: isoDate.nullable(),
      closedAt: timestamp.nullable(),
      decisions: z.array(
        z.object({
          number: z.string().startsWith('DEMO-'),
          outcome: z.enum(DecisionOutcome),
          decisionDate: isoDate,
          validFrom: isoDate.nullable(),
          validUntil: isoDate.nullable(),
          summaryKk: text.nullable(),
          summaryRu: text.nullable(),
          summaryEn: text.nullable(),
          publishedAt: timestamp.nullable(),
          supersedesNumber: z.string().nullable().optional(),
        }),
      ),
      reports: z.array(
        z.object({
          kind: z.enum(ReportKind),
          language: z.enum(Language),
          title: text,
          summary: text.nullable(),
          publishedAt: timestamp.nullable(),
          sections: z.array(
            z.object({ standardCode: text, findings: text, strengths: text.nullable(), recommendations: text.nullable() }),
          ),
        }),
      ),
    }),
  ),
});

const surveyFile = z.object({
  questions: z.array(
    z.object({
      audience: z.enum(SurveyAudience),
      position: z.number().int().positive(),
      kind: z.enum(QuestionKind),
      textKk: text,
      textRu: text,
      textEn: text.nullable(),
    }),
  ),
});

function readSeedFile<T extends z.ZodType>(name: string, schema: T): z.infer<T> {
  const path = join(seedDir, name);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`prisma/seed/${name} is not valid seed data:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const optionalDate = (value: string | null) => (value === null ? null : fromIsoDate(value));
const optionalTime = (value: string | null) => (value === null ? null : new Date(value));

export interface SeedSummary {
  regions: number;
  organizations: number;
  /** Versions of the sample framework. */
  frameworks: number;
  /** Criteria over all versions. */
  criteria: number;
  cases: number;
  decisions: number;
  reports: number;
  /** Demonstration experts (certified, certificate numbers starting with DEMO-). */
  experts: number;
  /** Demonstration seminars, trainings and consultations, dated from the seed day. */
  supportEvents: number;
  /** Demonstration methodological materials. */
  materials: number;
}

export interface SeedOptions {
  /** Load the demonstration records (default true). */
  demo?: boolean;
  /** The seed day: demonstration events are dated from it (default now). */
  now?: Date;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const regions = readSeedFile('regions.json', regionsFile).regions;
  const organizations = readSeedFile('nis-campuses.json', organizationsFile).organizations;
  const frameworks = readFrameworks();
  const demo = options.demo === false ? { cases: [] } : readSeedFile('demo.json', demoFile);
  const survey = readSeedFile('survey-questions.json', surveyFile);
  const support = options.demo === false ? { events: [], materials: [] } : readSeedFile('support.json', supportSeedFile);

  return prisma.$transaction(
    async (tx) => {
      const regionIds = new Map<string, string>();
      for (const { code, ...region } of regions) {
        const row = await tx.region.upsert({ where: { code }, create: { code, ...region }, update: region });
        regionIds.set(code, row.id);
      }

      const organizationIds = new Map<string, string>();
      for (const { regionCode, bin, ...organization } of organizations) {
        const regionId = regionIds.get(regionCode);
        if (!regionId) throw new Error(`nis-campuses.json: ${bin} names unknown region ${regionCode}`);
        const data = { ...organization, regionId };
        const row = await tx.organization.upsert({ where: { bin }, create: { bin, ...data }, update: data });
        organizationIds.set(bin, row.id);
      }

      // Every version, oldest first. A database seeded when version 1 was the one in force is
      // brought up to date by the same upserts: version 1 becomes RETIRED with its last day,
      // version 2 is created, and the cases keep the version they were started under.
      const frameworkRows = new Map<number, { id: string; standardIds: Map<string, string> }>();
      let criteriaCount = 0;
      for (const { standards, version, effectiveFrom, effectiveTo, ...frameworkData } of frameworks) {
        const dates = { effectiveFrom: optionalDate(effectiveFrom), effectiveTo: optionalDate(effectiveTo) };
        const frameworkRow = await tx.standardFramework.upsert({
          where: { version },
          create: { version, ...frameworkData, ...dates },
          update: { ...frameworkData, ...dates },
        });
        // Report sections name standards by their code in that case's version.
        const standardIds = new Map<string, string>();
        for (const [standardIndex, { criteria, key, ...standard }] of standards.entries()) {
          const data = { ...standard, position: standardIndex + 1 };
          const standardRow = await tx.standard.upsert({
            where: { frameworkId_key: { frameworkId: frameworkRow.id, key } },
            create: { frameworkId: frameworkRow.id, key, ...data },
            update: data,
          });
          standardIds.set(standard.code, standardRow.id);
          for (const [criterionIndex, { key: criterionKey, ...criterion }] of criteria.entries()) {
            const criterionData = { ...criterion, position: criterionIndex + 1 };
            await tx.criterion.upsert({
              where: { standardId_key: { standardId: standardRow.id, key: criterionKey } },
              create: { standardId: standardRow.id, key: criterionKey, ...criterionData },
              update: criterionData,
            });
            criteriaCount += 1;
          }
        }
        frameworkRows.set(version, { id: frameworkRow.id, standardIds });
      }

      for (const { audience, position, ...question } of survey.questions) {
        await tx.surveyQuestion.upsert({
          where: { audience_position: { audience, position } },
          create: { audience, position, ...question },
          update: question,
        });
      }

      let decisionCount = 0;
      let reportCount = 0;
      const decisionIds = new Map<string, string>();
      // Demonstration experts, so that the register of certified experts has content.
      const expertCount = options.demo === false ? 0 : await seedDemoExperts(tx, regionIds, organizationIds);

      for (const demoCase of demo.cases) {
        const organizationId = organizationIds.get(demoCase.organizationBin);
        if (!organizationId) throw new Error(`demo.json: case ${demoCase.number} names unknown BIN ${demoCase.organizationBin}`);
        const frameworkRow = frameworkRows.get(demoCase.frameworkVersion);
        if (!frameworkRow) {
          throw new Error(`demo.json: case ${demoCase.number} names unknown framework version ${demoCase.frameworkVersion}`);
        }
        const caseData = {
          organizationId,
          frameworkId: frameworkRow.id,
          stage: demoCase.stage,
          submittedAt: new Date(demoCase.submittedAt),
          registeredAt: optionalTime(demoCase.registeredAt),
          preliminaryVisitFrom: optionalDate(demoCase.preliminaryVisitFrom),
          preliminaryVisitTo: optionalDate(demoCase.preliminaryVisitTo),
          externalVisitFrom: optionalDate(demoCase.externalVisitFrom),
          externalVisitTo: optionalDate(demoCase.externalVisitTo),
          closedAt: optionalTime(demoCase.closedAt),
          isDemo: true,
        };
        const caseRow = await tx.accreditationCase.upsert({
          where: { number: demoCase.number },
          create: { number: demoCase.number, ...caseData },
          update: caseData,
        });
        // Corrections point at decisions listed before them.
        for (const { number, supersedesNumber, ...decision } of demoCase.decisions) {
          const supersedesId = supersedesNumber ? decisionIds.get(supersedesNumber) : null;
          if (supersedesNumber && !supersedesId) {
            throw new Error(`demo.json: decision ${number} supersedes ${supersedesNumber}, which is not listed before it`);
          }
          const data = {
            caseId: caseRow.id,
            organizationId,
            outcome: decision.outcome,
            decisionDate: fromIsoDate(decision.decisionDate),
            validFrom: optionalDate(decision.validFrom),
            validUntil: optionalDate(decision.validUntil),
            summaryKk: decision.summaryKk,
            summaryRu: decision.summaryRu,
            summaryEn: decision.summaryEn,
            publishedAt: optionalTime(decision.publishedAt),
            supersedesId: supersedesId ?? null,
            isDemo: true,
          };
          const existing = await tx.decision.findUnique({ where: { number }, select: { publishedAt: true } });
          const row = await tx.decision.upsert({ where: { number }, create: { number, ...data }, update: data });
          // The public decision history is read from the audit trail: record a publication
          // this run makes, at its publication time. A re-run publishes nothing, so appends nothing.
          if (row.publishedAt && !existing?.publishedAt) {
            await appendAuditEvent(
              tx,
              {
                actor: systemActor,
                action: supersedesNumber ? 'decision.publish-correction' : 'decision.publish',
                subjectType: 'Decision',
                subjectId: row.id,
                before: { publishedAt: null },
                after: { publishedAt: row.publishedAt.toISOString(), outcome: row.outcome, supersedes: supersedesNumber ?? null, demo: true },
              },
              row.publishedAt,
            );
          }
          decisionIds.set(number, row.id);
          decisionCount += 1;
        }
        for (const { sections, ...report } of demoCase.reports) {
          const data = { ...report, publishedAt: optionalTime(report.publishedAt), organizationId, isDemo: true };
          const reportRow = await tx.report.upsert({
            where: { caseId_kind_language: { caseId: caseRow.id, kind: report.kind, language: report.language } },
            create: { caseId: caseRow.id, ...data },
            update: data,
          });
          await tx.reportSection.deleteMany({ where: { reportId: reportRow.id } });
          await tx.reportSection.createMany({
            data: sections.map((section, index) => {
              const standardId = frameworkRow.standardIds.get(section.standardCode);
              if (!standardId) throw new Error(`demo.json: a report of ${demoCase.number} names unknown standard ${section.standardCode}`);
              return {
                reportId: reportRow.id,
                standardId,
                position: index + 1,
                findings: section.findings,
                strengths: section.strengths,
                recommendations: section.recommendations,
              };
            }),
          });
          reportCount += 1;
        }
      }

      const supportCounts = await seedDemoSupport(
        tx,
        support,
        new Map([...frameworkRows].map(([version, row]) => [version, row.id])),
        options.now ?? new Date(),
      );

      return {
        regions: regions.length,
        organizations: organizations.length,
        frameworks: frameworks.length,
        criteria: criteriaCount,
        cases: demo.cases.length,
        decisions: decisionCount,
        reports: reportCount,
        experts: expertCount,
        supportEvents: supportCounts.events,
        materials: supportCounts.materials,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** True when the database has no register data yet (first start). */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) === 0;
}
