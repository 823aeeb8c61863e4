// `pnpm audit:verify [--anchor <hash>]`: checks the audit trail of the configured database
// against its hash chain. Exit 0 when intact, 1 when an event does not hold (or the anchor,
// a last hash kept from an earlier run, is no longer in the trail), 2 when it cannot check.
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../audit/trail.ts';
import { openConfiguredDatabase } from './open.ts';

const usage = 'usage: pnpm audit:verify [--anchor <hash of an event from an earlier run>]';

async function main(): Promise<number> {
  let anchor: string | undefined;
  try {
    anchor = parseArgs({ options: { anchor: { type: 'string' } } }).values.anchor?.trim().toLowerCase();
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (anchor !== undefined && !/^[0-9a-f]{64}$/.test(anchor)) {
    console.error(`--anchor must be a hash of 64 hexadecimal digits\n${usage}`);
    return 2;
  }

  const db = await openConfiguredDatabase();
  try {
    const result = await verifyAuditChain(db.prisma);
    if (!result.ok) {
      const { action, subjectType, subjectId } = result.event;
      console.error(
        `audit chain BROKEN at event ${result.brokenAt} (${action} on ${subjectType} ${subjectId}): ${result.reason}. ` +
          `${result.events} events before it verify.`,
      );
      return 1;
    }
    // An intact chain can still have lost its newest events; a hash kept from earlier proves they are there.
    if (anchor !== undefined) {
      const anchored = await db.prisma.auditEvent.findUnique({ where: { hash: anchor }, select: { sequence: true } });
      if (!anchored) {
        console.error(`audit chain intact but the anchor ${anchor} is not in it: events were removed from its end, or the anchor is from another database.`);
        return 1;
      }
      console.log(`anchor found at event ${anchored.sequence}`);
    }
    console.log(`audit chain intact: ${result.events} events, last hash ${result.lastHash}`);
    return 0;
  } catch (error) {
    console.error(`audit:verify could not read the audit trail of ${db.location}: ${(error as Error).message}`);
    return 2;
  } finally {
    await db.close();
  }
}

const code = await main().catch((error: unknown) => {
  console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  return 2;
});
// One-shot command: end now rather than wait for timers a driver may leave behind.
process.exit(code);
