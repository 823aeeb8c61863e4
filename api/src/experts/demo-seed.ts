// The seed's demonstration experts: 40 certified experts from the demo pool, so that the
// public register of certified experts has content. Idempotent: experts are upserted by
// IIN (created in bulk, updated one by one) and their history is replaced, so running the
// seed again changes no table's count.
import type { Prisma } from '../generated/prisma/client.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { demoExpertPool, type DemoExpert } from './demo-pool.ts';

export const DEMO_EXPERT_COUNT = 40;
export const DEMO_EXPERT_SEED = 2025;

/** The seed's experts: certified for five years around mid-2026, so the register shows them for years. */
export function seededDemoExperts(): DemoExpert[] {
  return demoExpertPool(DEMO_EXPERT_COUNT, DEMO_EXPERT_SEED, { certifiedOnly: true, asOf: '2026-06-01', validityYears: 5 });
}

const date = (value: string | null) => (value === null ? null : fromIsoDate(value));

/** Loads the experts; `regionIds` and `organizationIds` map region codes and BINs to ids. */
export async function seedDemoExperts(
  tx: Prisma.TransactionClient,
  regionIds: ReadonlyMap<string, string>,
  organizationIds: ReadonlyMap<string, string>,
): Promise<number> {
  const experts = seededDemoExperts();
  const organizationOf = (bin: string, iin: string) => {
    const id = organizationIds.get(bin);
    // The IIN is never printed, even for demonstration data: name the expert by certificate.
    if (!id) throw new Error(`demo experts: an expert (${experts.find((e) => e.iin === iin)?.certificateNumber}) names unknown organization ${bin}`);
    return id;
  };
  const rows = experts.map((expert) => {
    const regionId = regionIds.get(expert.regionCode);
    if (!regionId) throw new Error(`demo experts: unknown region ${expert.regionCode}`);
    return {
      iin: expert.iin,
      nameKk: expert.nameKk,
      nameRu: expert.nameRu,
      nameEn: expert.nameEn,
      email: expert.email,
      phone: expert.phone,
      languages: expert.languages,
      levels: expert.levels,
      subjectAreas: expert.subjectAreas,
      regionId,
      city: expert.city,
      status: expert.status,
      assessmentScore: expert.assessmentScore,
      assessmentPassMark: expert.assessmentPassMark,
      assessedAt: date(expert.assessedOn),
      certificateNumber: expert.certificateNumber,
      certificateIssuedOn: date(expert.certificateIssuedOn),
      certificateValidUntil: date(expert.certificateValidUntil),
      suspensionReason: expert.suspensionReason,
      ethicsCodeVersion: expert.ethicsCodeVersion,
      ethicsAcknowledgedAt: expert.ethicsAcknowledgedAt ? new Date(expert.ethicsAcknowledgedAt) : null,
    };
  });
  // In bulk: the seed runs for every test API, so a few statements beat 40 upserts.
  const iins = rows.map((row) => row.iin);
  const existing = new Set((await tx.expert.findMany({ where: { iin: { in: iins } }, select: { iin: true } })).map((row) => row.iin));
  await tx.expert.createMany({ data: rows.filter((row) => !existing.has(row.iin)) });
  for (const { iin, ...data } of rows.filter((row) => existing.has(row.iin))) await tx.expert.update({ where: { iin }, data });
  const ids = new Map((await tx.expert.findMany({ where: { iin: { in: iins } }, select: { id: true, iin: true } })).map((row) => [row.iin, row.id]));
  const idOf = (iin: string) => ids.get(iin) ?? '';
  await tx.expertEmployment.deleteMany({ where: { expertId: { in: [...ids.values()] } } });
  await tx.expertFamilyLink.deleteMany({ where: { expertId: { in: [...ids.values()] } } });
  await tx.expertEmployment.createMany({
    data: experts.flatMap((expert) =>
      expert.employments.map((job) => ({
        expertId: idOf(expert.iin),
        organizationId: job.organizationBin ? organizationOf(job.organizationBin, expert.iin) : null,
        employerName: job.employerName,
        position: job.position,
        startedOn: fromIsoDate(job.startedOn),
        endedOn: date(job.endedOn),
      })),
    ),
  });
  await tx.expertFamilyLink.createMany({
    data: experts.flatMap((expert) =>
      expert.familyLinks.map((link) => ({ expertId: idOf(expert.iin), organizationId: organizationOf(link.organizationBin, expert.iin), description: link.description })),
    ),
  });
  return experts.length;
}
