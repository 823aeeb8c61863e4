// `pnpm walkthrough`: runs the walkthrough (walkthrough.ts) and exits with 0 when the case
// ends as an accreditation visible on the register, 1 at the first step that fails.
import { WalkthroughError } from './client.ts';
import { runWalkthrough } from './walkthrough.ts';

const started = Date.now();
try {
  const result = await runWalkthrough();
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(
    `\nDone in ${seconds} s: case ${result.caseNumber} ended ${result.accreditationStatus} until ${result.accreditedUntil}. ` +
      'The temporary database is deleted.\n',
  );
} catch (error) {
  if (error instanceof WalkthroughError) {
    process.stderr.write(`\nThe walkthrough stopped at ${error.step} (as ${error.actor}):\n${error.reasons.map((r) => `  - ${r}`).join('\n')}\n`);
  } else {
    process.stderr.write(`\nThe walkthrough failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
}
