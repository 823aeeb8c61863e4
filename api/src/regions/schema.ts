import { RegionKind } from '../generated/prisma/enums.ts';
import { builder, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { localized } from '../shared/localized.ts';

export const RegionKindEnum = describedEnum('RegionKind', RegionKind, 'What kind of first-level division a region is.', {
  OBLAST: 'A region (oblys / область).',
  CITY: 'A city of republican significance (Astana, Almaty, Shymkent).',
});

export const RegionRef = builder.prismaNode('Region', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'One of the 17 regions (oblasts) and 3 cities of republican significance of Kazakhstan.',
  id: { field: 'id' },
  authScopes: publicAccess,
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Two-digit KATO prefix of the region (also its ISO 3166-2 code, KZ-<code>), e.g. "71" for Astana.',
    }),
    kind: t.expose('kind', { type: RegionKindEnum, description: 'Oblast or city of republican significance.' }),
    name: t.field({
      type: LocalizedTextRef,
      description: 'Name of the region in Kazakh, Russian and English.',
      select: { nameKk: true, nameRu: true, nameEn: true },
      resolve: (region) => localized(region, 'name'),
    }),
    centre: t.exposeString('centre', { description: 'Administrative centre of the region (English spelling).' }),
    organizationCount: t.relationCount('organizations', {
      description: 'Number of organizations of this region in the register.',
    }),
  }),
});

builder.queryFields((t) => ({
  regions: t.prismaField({
    type: [RegionRef],
    description: 'All regions, ordered by code.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.region.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  region: t.prismaField({
    type: RegionRef,
    nullable: true,
    description: 'A region by its two-digit code; null when no region has it.',
    args: { code: t.arg.string({ required: true, description: 'Two-digit KATO prefix, e.g. "75" for Almaty.' }) },
    resolve: (query, _root, { code }, ctx) => ctx.prisma.region.findUnique({ ...query, where: { code } }),
  }),
}));
