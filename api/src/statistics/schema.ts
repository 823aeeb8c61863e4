import { builder, publicAccess } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { accreditationStatuses, type AccreditationStatus } from '../organizations/accreditation-status.ts';
import { statusesByOrganization } from '../organizations/accreditation-status-sql.ts';
import { AccreditationStatusEnum, OrganizationKindEnum } from '../organizations/schema.ts';
import { RegionRef } from '../regions/schema.ts';
import type { OrganizationKind, Region } from '../generated/prisma/client.ts';

interface StatusCount {
  status: AccreditationStatus;
  count: number;
}

interface RegionStatistics {
  region: Region;
  total: number;
  byStatus: StatusCount[];
}

interface KindCount {
  kind: OrganizationKind;
  count: number;
}

interface RegisterStatistics {
  asOf: string;
  totalOrganizations: number;
  byStatus: StatusCount[];
  byRegion: RegionStatistics[];
  byKind: KindCount[];
}

const StatusCountRef = builder.objectRef<StatusCount>('StatusCount').implement({
  description: 'How many organizations have one accreditation status.',
  authScopes: publicAccess,
  fields: (t) => ({
    status: t.expose('status', { type: AccreditationStatusEnum, description: 'The status.' }),
    count: t.exposeInt('count', { description: 'Number of organizations with it.' }),
  }),
});

const RegionStatisticsRef = builder.objectRef<RegionStatistics>('RegionStatistics').implement({
  description: 'Organizations of one region, by accreditation status.',
  authScopes: publicAccess,
  fields: (t) => ({
    region: t.field({ type: RegionRef, description: 'The region.', resolve: (row) => row.region }),
    total: t.exposeInt('total', { description: 'Number of organizations in the region.' }),
    byStatus: t.field({
      type: [StatusCountRef],
      description: 'Counts per status, every status listed (zero included).',
      resolve: (row) => row.byStatus,
    }),
  }),
});

const KindCountRef = builder.objectRef<KindCount>('KindCount').implement({
  description: 'How many organizations are of one kind.',
  authScopes: publicAccess,
  fields: (t) => ({
    kind: t.expose('kind', { type: OrganizationKindEnum, description: 'The kind.' }),
    count: t.exposeInt('count', { description: 'Number of organizations of it.' }),
  }),
});

const RegisterStatisticsRef = builder.objectRef<RegisterStatistics>('RegisterStatistics').implement({
  description: 'Key figures of the register today.',
  authScopes: publicAccess,
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'The day (Kazakhstan time) the statuses are computed for.', resolve: (s) => s.asOf }),
    totalOrganizations: t.exposeInt('totalOrganizations', { description: 'Organizations in the register.' }),
    byStatus: t.field({ type: [StatusCountRef], description: 'Organizations per accreditation status.', resolve: (s) => s.byStatus }),
    byRegion: t.field({
      type: [RegionStatisticsRef],
      description: 'Organizations per region and status, by region code.',
      resolve: (s) => s.byRegion,
    }),
    byKind: t.field({ type: [KindCountRef], description: 'Organizations per kind.', resolve: (s) => s.byKind }),
  }),
});

function countStatuses(statuses: AccreditationStatus[]): StatusCount[] {
  return accreditationStatuses.map((status) => ({ status, count: statuses.filter((s) => s === status).length }));
}

export async function registerStatistics(ctx: GraphQLContext): Promise<RegisterStatistics> {
  const [statuses, organizations, regions] = await Promise.all([
    statusesByOrganization(ctx.prisma, ctx.today),
    ctx.prisma.organization.findMany({ select: { id: true, regionId: true, kind: true } }),
    ctx.prisma.region.findMany({ orderBy: { code: 'asc' } }),
  ]);
  const statusOf = (id: string): AccreditationStatus => statuses.get(id) ?? 'NOT_ACCREDITED';
  const kinds = [...new Set(organizations.map((o) => o.kind))].sort();
  return {
    asOf: ctx.today,
    totalOrganizations: organizations.length,
    byStatus: countStatuses(organizations.map((o) => statusOf(o.id))),
    byRegion: regions.map((region) => {
      const inRegion = organizations.filter((o) => o.regionId === region.id);
      return { region, total: inRegion.length, byStatus: countStatuses(inRegion.map((o) => statusOf(o.id))) };
    }),
    byKind: kinds.map((kind) => ({ kind, count: organizations.filter((o) => o.kind === kind).length })),
  };
}

builder.queryFields((t) => ({
  registerStatistics: t.field({
    type: RegisterStatisticsRef,
    description: 'Counts of organizations by region, kind and accreditation status, as of today.',
    resolve: (_root, _args, ctx) => registerStatistics(ctx),
  }),
}));
