// /open-data/reports.json (columns documented in src/lib/open-data.ts and on /{lang}/open-data/).
import type { APIRoute } from 'astro';
import { REPORTS, reportRows, siteOrigin, toJson } from '../../lib/open-data.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => toJson(REPORTS, await reportRows(siteOrigin(site)));
