// Structured logs (JSON lines) through pino, one logger for the whole process.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'kza-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never log credentials, whatever a future caller passes.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'databaseUrl'],
  });
}
