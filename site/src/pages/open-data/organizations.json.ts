// /open-data/organizations.json (columns documented in src/lib/open-data.ts and on /{lang}/open-data/).
import type { APIRoute } from 'astro';
import { ORGANIZATIONS, organizationRows, toJson, siteOrigin } from '../../lib/open-data.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => toJson(ORGANIZATIONS, await organizationRows(siteOrigin(site)));
