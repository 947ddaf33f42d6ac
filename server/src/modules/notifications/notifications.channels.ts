import nodemailer from 'nodemailer';
import type { ClaimedNotification } from './notifications.outbox.js';

/** Where notifications go. A new channel (SMS, push) implements this and nothing else changes. */
export interface DeliveryChannel {
  name: string;
  deliver(notification: ClaimedNotification): Promise<void>;
}

/** Email over SMTP (`SMTP_URL=smtp://user:pass@host:587`). */
export function smtpChannel(url: string, from = 'Legami <noreply@legami.local>'): DeliveryChannel {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async deliver(n) {
      if (!n.recipient_email) throw new Error('no email address for this recipient');
      await transport.sendMail({ from, to: n.recipient_email, subject: n.subject, text: n.body });
    },
  };
}

/** Without SMTP the message is written to the log: enough to follow it in a demo. */
export function logChannel(log: { info: (obj: object, msg: string) => void }): DeliveryChannel {
  return {
    name: 'log',
    async deliver(n) {
      // The body may hold names: the log gets the id and kind only.
      log.info({ notificationId: n.id, kind: n.kind }, 'notification delivered to the log');
    },
  };
}
