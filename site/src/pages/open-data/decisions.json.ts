// /open-data/decisions.json (columns documented in src/lib/open-data.ts and on /{lang}/open-data/).
import type { APIRoute } from 'astro';
import { DECISIONS, decisionRows, toJson } from '../../lib/open-data.ts';

export const prerender = true;

export const GET: APIRoute = async () => toJson(DECISIONS, await decisionRows());
