// `pnpm user:create-admin --email <e-mail> --name <display name>`: creates an ADMIN
// account in the configured database (PGlite or PostgreSQL). The password comes from
// KZA_ADMIN_PASSWORD or, on a terminal, is typed twice without echo. Refuses an e-mail
// address that already has an account. Exit codes: 0 created, 1 refused, 2 wrong usage.
import { parseArgs } from 'node:util';
import { createAdmin } from '../auth/admin.ts';
import { migrate } from '../db/migrate.ts';
import { openConfiguredDatabase } from './open.ts';

const USAGE = `usage: pnpm user:create-admin --email <e-mail> --name <display name>

Creates an administrator account. The password (at least 12 characters) is read from
the environment variable KZA_ADMIN_PASSWORD, or asked for on the terminal.`;

function usageError(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    // Raw mode before the question, so that nothing typed after it is echoed.
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
    stdout.write(question);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.KZA_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) usageError('set KZA_ADMIN_PASSWORD, or run the command on a terminal to type the password');
  const password = await promptHidden('Password (at least 12 characters): ');
  const again = await promptHidden('Password again: ');
  if (password !== again) {
    console.error('The two passwords differ; nothing was created.');
    process.exit(1);
  }
  return password;
}

let values: { email?: string; name?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (error) {
  usageError((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.email) usageError('give --email');
if (!values.name) usageError('give --name');

const password = await readPassword();
const db = await openConfiguredDatabase();
try {
  await migrate(db);
  const result = await createAdmin(db.prisma, { email: values.email, displayName: values.name, password });
  if (!result.ok) {
    for (const error of result.errors) console.error(`${error.field?.at(-1) ?? 'input'}: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.log(`created ADMIN ${result.user.email} (${result.user.displayName}) in ${db.location}`);
  }
} finally {
  await db.close();
}
