// Expert records for tests that form teams: a certified expert, valid for years, created
// straight in the database (caseProposeTeam refuses users without such a record).
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CertificationStatus, EducationLevel, Language } from '../generated/prisma/enums.ts';
import { binCheckDigit } from '../organizations/bin.ts';
import { fromIsoDate } from '../shared/dates.ts';

export interface TestExpertOptions {
  /** The expert's account (a User with the EXPERT role); null for a record without one. */
  userId: string | null;
  name?: string;
  languages?: Language[];
  levels?: EducationLevel[];
  subjectAreas?: string[];
  /** Region by its 2-digit code (default 35, Karaganda region) and city (default Karaganda). */
  regionCode?: string;
  city?: string;
  status?: CertificationStatus;
  certificateValidUntil?: string;
  employments?: { organizationId: string | null; employerName: string; startedOn: string; endedOn: string | null }[];
  familyLinkOrganizationIds?: string[];
}

let sequence = 0;

/** An IIN with a valid check digit from a series no person has (birth date 00-00-00). */
function testIin(): string {
  for (;;) {
    sequence += 1;
    const first11 = `000000${String(sequence).padStart(5, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

export async function createTestExpert(prisma: PrismaClient, options: TestExpertOptions): Promise<{ id: string; certificateNumber: string }> {
  const iin = testIin();
  const region = await prisma.region.findUniqueOrThrow({ where: { code: options.regionCode ?? '35' } });
  const certificateNumber = `TEST-${iin.slice(4)}`;
  const name = options.name ?? `Test Expert ${sequence}`;
  const expert = await prisma.expert.create({
    data: {
      userId: options.userId,
      nameKk: name,
      nameRu: name,
      nameEn: name,
      iin,
      email: `expert.${iin.slice(4)}@test.invalid`,
      languages: options.languages ?? ['KK', 'RU', 'EN'],
      levels: options.levels ?? ['SECONDARY'],
      subjectAreas: options.subjectAreas ?? ['mathematics'],
      regionId: region.id,
      city: options.city ?? 'Karaganda',
      status: options.status ?? 'CERTIFIED',
      certificateNumber,
      certificateIssuedOn: fromIsoDate('2025-01-15'),
      certificateValidUntil: fromIsoDate(options.certificateValidUntil ?? '2030-01-14'),
      ethicsCodeVersion: '2025.1',
      ethicsAcknowledgedAt: new Date('2025-01-10T04:00:00Z'),
      employments: {
        create: (options.employments ?? [{ organizationId: null, employerName: 'Karaganda school-gymnasium No. 1', startedOn: '2012-09-01', endedOn: null }]).map((e) => ({
          organizationId: e.organizationId,
          employerName: e.employerName,
          startedOn: fromIsoDate(e.startedOn),
          endedOn: e.endedOn ? fromIsoDate(e.endedOn) : null,
        })),
      },
      familyLinks: { create: (options.familyLinkOrganizationIds ?? []).map((organizationId) => ({ organizationId, description: 'Spouse works there' })) },
    },
  });
  return { id: expert.id, certificateNumber };
}
