// Structured logs (JSON lines) through pino, one logger for the whole process.
import { pino, type DestinationStream, type Logger } from 'pino';
import { scrubDeep } from './personal-data.ts';

export type { Logger };

/** Fields that hold personal data wherever they appear in a log entry (one level deep, as pino's redact paths go). */
const personalFields = ['iin', 'email', 'phone'].flatMap((field) => [field, `*.${field}`]);

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kza-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never log credentials or personal data, whatever a future caller passes.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'databaseUrl', ...personalFields],
      // An unexpected error's message and stack may quote arguments (a database error quotes
      // the values it failed on): IINs, phone numbers and e-mail addresses are hidden from them.
      serializers: { err: (error: Error) => scrubDeep(pino.stdSerializers.err(error)) },
    },
    destination,
  );
}
