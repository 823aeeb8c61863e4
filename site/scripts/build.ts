// The site's build: `astro build [--outDir <dir>]`, then the full-text search index of the
// static pages (src/lib/search-index.ts). The index is written here, after astro has exited,
// so that the two peaks of memory do not add up. Run with Node 24 (it reads TypeScript):
//   KZA_API_URL=… node scripts/build.ts [--outDir <dir>]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from '../src/lib/search-index.ts';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const args = process.argv.slice(2);
const outDirAt = args.indexOf('--outDir');
const outDir = resolve(siteDir, outDirAt === -1 ? 'dist' : (args[outDirAt + 1] ?? 'dist'));

const code = await new Promise<number>((done) => {
  const astro = spawn(process.execPath, [astroBin, 'build', ...args], { cwd: siteDir, stdio: 'inherit' });
  astro.once('error', () => done(1));
  astro.once('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
});
if (code !== 0) process.exit(code);

const started = Date.now();
const { indexed, outputPath } = await writeSearchIndex(join(outDir, 'client'));
console.log(`search index: ${indexed} pages in ${outputPath} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
