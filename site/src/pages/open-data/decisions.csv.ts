// /open-data/decisions.csv (columns documented in src/lib/open-data.ts and on /{lang}/open-data/).
import type { APIRoute } from 'astro';
import { DECISIONS, decisionRows, toCsv } from '../../lib/open-data.ts';

export const prerender = true;

export const GET: APIRoute = async () => toCsv(DECISIONS, await decisionRows());
