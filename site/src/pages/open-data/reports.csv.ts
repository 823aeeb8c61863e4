// /open-data/reports.csv (columns documented in src/lib/open-data.ts and on /{lang}/open-data/).
import type { APIRoute } from 'astro';
import { REPORTS, reportRows, siteOrigin, toCsv } from '../../lib/open-data.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => toCsv(REPORTS, await reportRows(siteOrigin(site)));
