// Building and serving the site as it is deployed, for the site tests (tests/site.test.ts) and
// the Lighthouse check (scripts/lighthouse.ts): `astro build` into a folder of one's own, then
// the build's own server (server/entry.mjs) on a free port of 127.0.0.1, read in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium, and its flags for a headless run on a shared machine. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The site package's folder (the builds and servers run there). */
export const siteDir = fileURLToPath(new URL('..', import.meta.url));

export interface RunResult {
  code: number | null;
  /** Standard output and error, interleaved. */
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The environment of a child process: this one's, without KZA_API_URL unless given. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  delete env['KZA_API_URL'];
  return { ...env, ...extra };
}

/** A TCP port of 127.0.0.1 that nothing listens on (now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `astro build --outDir outDir` with the given variables (KZA_API_URL, …); the caller judges the result. */
export function buildSite(outDir: string, env: Record<string, string>): Promise<RunResult> {
  return run(process.execPath, [join(siteDir, 'scripts', 'build.ts'), '--outDir', outDir], childEnv(env));
}

export interface SiteServer {
  server: ChildProcess;
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  /** What the server has written so far. */
  log: () => string;
}

/** Starts the build's server with the given variables and waits (up to 20 s) until it answers. */
export async function serveSite(outDir: string, env: Record<string, string>): Promise<SiteServer> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    cwd: siteDir,
    env: childEnv({ ...env, HOST: '127.0.0.1', PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The site server exited (${server.exitCode}):\n${output}`);
    try {
      await fetch(`${url}/`);
      return { server, url, log: () => output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  server.kill('SIGTERM');
  throw new Error(`The site server did not answer at ${url} within 20 s:\n${output}`);
}
