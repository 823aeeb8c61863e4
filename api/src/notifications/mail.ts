// Where the delivery worker sends e-mail: an SMTP server (nodemailer) when SMTP_URL is
// set, otherwise a structured log line, which counts as delivery in development. The log
// shows the recipient's address masked: contacts are personal data and stay out of logs.
import { createTransport } from 'nodemailer';
import type { Logger } from '../shared/logger.ts';
import { maskEmail } from '../shared/personal-data.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The outbox idempotency key: travels as Message-ID and X-KZA-Delivery. */
  idempotencyKey: string;
  /** Notification kind, for logs. */
  kind?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  smtpUrl: string | undefined;
  /** From header, e.g. "KZA Accreditation <no-reply@example.kz>". */
  from: string;
  logger: Logger;
}

/** Domain part of the sender address: Message-IDs are made unique under it. */
function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'accreditation.local';
}

/**
 * A stable Message-ID derived from the idempotency key, so a mail re-sent after a crash
 * (between sending and recording the delivery) carries the same id and can be de-duplicated.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const local = idempotencyKey.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '.');
  return `<${local}@${senderDomain(from)}>`;
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  const { smtpUrl, from, logger } = options;
  if (!smtpUrl) {
    return {
      kind: 'log',
      async send(mail) {
        logger.info(
          { channel: 'EMAIL', to: maskEmail(mail.to), subject: mail.subject, kind: mail.kind, delivery: mail.idempotencyKey },
          'e-mail written to the log (SMTP_URL is not set)',
        );
      },
      close() {},
    };
  }
  // Bounded timeouts: a hung SMTP server must not hold a claimed batch past its lease.
  const smtp = createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    kind: 'smtp',
    async send(mail) {
      await smtp.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: messageIdFor(mail.idempotencyKey, from),
        headers: { 'X-KZA-Delivery': mail.idempotencyKey },
      });
    },
    close() {
      smtp.close();
    },
  };
}
