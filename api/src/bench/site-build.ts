// `pnpm bench:site [--organizations N] [--keep] [--log]`: builds the site against a national-size
// generated register and reports the build time and peak memory. A fresh PGlite database in
// memory is migrated, seeded (regions, NIS campuses, framework, demo data) and filled with
// generated organizations up to N in total (default 8,600); the real API serves it over
// HTTP while `astro build` runs as a child process into site/.bench-dist/ (removed after). Memory is read
// from /proc every 100 ms: the build's process tree (the build may start workers) and this
// process, which runs the API. A benchmark, not a test: it fails only when the build does.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { siteBuildScript, siteDir } from '../site-build.ts';
import { startTestApi } from '../testing/api.ts';
import { generateNationalRegister } from './national-register.ts';

const { values } = parseArgs({
  options: {
    organizations: { type: 'string', default: '8600' },
    keep: { type: 'boolean', default: false },
    /** Print astro's own output (each page with its render time) after the summary. */
    log: { type: 'boolean', default: false },
  },
});
const total = Number.parseInt(values.organizations, 10);
if (!Number.isInteger(total) || total < 1) {
  console.error(`--organizations must be a positive whole number, not "${values.organizations}"`);
  process.exit(2);
}

const MB = 1024 * 1024;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** A /proc/<pid>/status field in bytes (VmRSS, VmHWM), or 0 once the process is gone. */
function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process used, with those of its children it waited for. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14-17 of proc(5), in clock ticks (100 a second on Linux).
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    return 0;
  }
}

/** The process and all its descendants, from the parent ids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces: the fields after its closing parenthesis are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

function walk(dir: string): { files: number; html: number; bytes: number } {
  const totals = { files: 0, html: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = walk(path);
      totals.files += inner.files;
      totals.html += inner.html;
      totals.bytes += inner.bytes;
    } else {
      totals.files += 1;
      if (entry.name.endsWith('.html')) totals.html += 1;
      totals.bytes += statSync(path).size;
    }
  }
  return totals;
}

let started = Date.now();
let sqlStatements = 0;
const api = await startTestApi({ onQuery: () => (sqlStatements += 1) });
const setupMs = Date.now() - started;
started = Date.now();
const generated = await generateNationalRegister(api.db.prisma, total);
const generateMs = Date.now() - started;
const inRegister = await api.db.prisma.organization.count();
console.log(
  `register: ${inRegister} organizations (${generated.organizations} generated: ${generated.schools} schools, ${generated.colleges} colleges; ` +
    `${generated.decisions} decisions, ${generated.reports} reports); database ready in ${seconds(setupMs)} s + ${seconds(generateMs)} s`,
);

// Inside site/, so that the prerender chunks resolve the site's node_modules.
const outDir = join(siteDir, '.bench-dist', `run-${process.pid}-${Date.now()}`);
const env: NodeJS.ProcessEnv = { ...process.env, KZA_API_URL: api.graphqlUrl, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

const sqlBefore = sqlStatements;
let peakBuildRss = 0;
let peakApiRss = statusBytes(process.pid, 'VmRSS');
let peakBuildProcesses = 0;
let buildCpu = 0;
const loadBefore = loadavg()[0]!;
let log = '';
started = Date.now();
const child = spawn(process.execPath, [siteBuildScript, '--outDir', outDir], {
  cwd: siteDir,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
const sample = () => {
  if (child.pid === undefined) return;
  const tree = processTree(child.pid);
  // VmHWM is each process's own peak; the sum of current RSS is the tree's peak at one moment.
  const rss = tree.reduce((sum, pid) => sum + statusBytes(pid, 'VmRSS'), 0);
  peakBuildRss = Math.max(peakBuildRss, rss, statusBytes(child.pid, 'VmHWM'));
  peakBuildProcesses = Math.max(peakBuildProcesses, tree.length);
  // The last reading before the build ends: a measure that the machine's other load hardly changes.
  buildCpu = Math.max(buildCpu, tree.reduce((sum, pid) => sum + cpuSeconds(pid), 0));
  peakApiRss = Math.max(peakApiRss, statusBytes(process.pid, 'VmRSS'));
};
const sampler = setInterval(sample, 100);
const code = await new Promise<number | null>((resolve, reject) => {
  child.once('error', reject);
  child.once('close', resolve);
});
clearInterval(sampler);
const buildMs = Date.now() - started;
const loadAfter = loadavg()[0]!;
const buildSql = sqlStatements - sqlBefore;
await api.stop();

if (code !== 0) {
  console.error(log);
  console.error(`astro build failed (exit ${code}) after ${seconds(buildMs)} s`);
  rmSync(outDir, { recursive: true, force: true });
  process.exit(1);
}

const output = walk(outDir);
const client = walk(join(outDir, 'client'));
const summary = {
  organizations: inRegister,
  'HTML pages': client.html,
  'build (s)': Number(seconds(buildMs)),
  'build CPU time, user + system (s)': Number(buildCpu.toFixed(1)),
  'pages per second': Math.round(client.html / (buildMs / 1000)),
  'peak build RSS (MB)': Math.round(peakBuildRss / MB),
  'build processes (max)': peakBuildProcesses,
  'API peak RSS during build (MB)': Math.round(peakApiRss / MB),
  'API process peak RSS incl. data generation (MB)': Math.round(statusBytes(process.pid, 'VmHWM') / MB),
  'SQL statements during build': buildSql,
  // Other work on the machine slows the wall time down: the load shows how much there was.
  'machine: CPUs, 1-min load average before/after': `${cpus().length}, ${loadBefore.toFixed(1)}/${loadAfter.toFixed(1)}`,
  'output (MB)': Number((output.bytes / MB).toFixed(1)),
  'output files': output.files,
};
if (values.log) console.log(log);
console.log('\nsite build benchmark');
for (const [label, value] of Object.entries(summary)) console.log(`  ${label.padEnd(48)} ${value}`);
const targets = buildMs < 180_000 && peakBuildRss < 2048 * MB;
console.log(`  ${'targets (under 3 min and 2 GB)'.padEnd(48)} ${targets ? 'met' : 'NOT met'}`);
if (values.keep) console.log(`  output kept in ${outDir}`);
else rmSync(outDir, { recursive: true, force: true });
// The WebAssembly schema engine leaves a timer behind: a one-shot command ends here.
process.exit(0);
