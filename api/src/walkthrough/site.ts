// Builds the register site against the walkthrough's API into a folder of its own, and
// reads the organization's page as a visitor would get it. Same build (site/scripts/build.ts) as
// site-build.ts's buildSite, plus --outDir: buildSite writes site/dist, which `pnpm start`
// serves, and the walkthrough must not replace the user's own build.
import { spawn } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { siteBuildScript, siteDir } from '../site-build.ts';

const OUTPUT_TAIL_CHARS = 4000;

/**
 * Builds the site (`astro build --outDir <folder>/dist`, then its search index) with KZA_API_URL set, and returns that output
 * folder; astro's output is shown only when it fails. Astro prerenders the pages by
 * importing the built server code from the output folder, and that code imports the site's
 * packages (graphql-request, ...): outside site/ it finds them only through a node_modules
 * link beside the output folder (not inside it: astro empties the output folder first).
 */
export async function buildSiteInto(graphqlUrl: string, folder: string): Promise<string> {
  const outDir = join(folder, 'dist');
  await symlink(join(siteDir, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const args = [siteBuildScript, '--outDir', outDir];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: siteDir,
      env: { ...process.env, KZA_API_URL: graphqlUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with ${code ?? signal}; its last output:\n${output}`)),
    );
  });
  return outDir;
}

/** Where the static page of an organization lands in a build. */
export function organizationPagePath(outDir: string, bin: string, lang: 'kk' | 'ru' | 'en' = 'en'): string {
  return join(outDir, 'client', lang, 'organizations', bin, 'index.html');
}

export interface OrganizationPage {
  path: string;
  /** The status badge's value (data-status), e.g. ACCREDITED. */
  status: string | null;
  /** The badge's text, e.g. "Accredited". */
  statusLabel: string | null;
  /** The validity shown beside the badge, e.g. "until 24 November 2031". */
  validity: string | null;
  /** The outcome the decision history shows for the decision, e.g. "Accredited"; null when it is not listed. */
  decisionOutcome: string | null;
}

const decodeEntities = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&amp;', '&')
    .trim();

const firstMatch = (pattern: RegExp, text: string): string | null => {
  const found = pattern.exec(text)?.[1];
  return found === undefined ? null : decodeEntities(found);
};

/** Reads the built English page of an organization: its status badge and one decision of its history. */
export async function readOrganizationPage(path: string, decisionNumber: string): Promise<OrganizationPage> {
  const html = await readFile(path, 'utf8');
  // The status panel (StatusBadge.astro): <span class="badge ..." data-status="ACCREDITED">.
  const panel = /<section[^>]*class="[^"]*status-panel[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  // The decision history: <li ...><h3>Decision AC-D-…</h3><dl>…<dt>Outcome</dt><dd>Accredited</dd>…</li>.
  const heading = html.indexOf(`>Decision ${decisionNumber}<`);
  const item = heading < 0 ? '' : html.slice(heading, html.indexOf('</li>', heading));
  return {
    path,
    status: firstMatch(/data-status="([A-Z_]+)"/, panel),
    statusLabel: firstMatch(/class="badge__label"[^>]*>([^<]*)</, panel),
    validity: firstMatch(/class="validity"[^>]*>([^<]*)</, panel),
    decisionOutcome: firstMatch(/<dt>Outcome<\/dt>\s*<dd>([^<]*)<\/dd>/, item),
  };
}
