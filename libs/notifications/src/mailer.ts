import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/shared';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Our own Message-ID (one per delivery), so a receiving system can recognise a copy. */
  messageId: string;
}

/**
 * The SMTP transport (nodemailer over SMTP_URL), with short timeouts so a silent or slow server
 * fails the job (retried with backoff) instead of holding a worker. Without SMTP_URL there is no
 * transport and nothing is sent: notifications go to the inbox only.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport?: Transporter;
  readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.MAIL_FROM;
    if (config.SMTP_URL) {
      this.transport = createTransport({
        url: config.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        // Messages are plain text built here: nothing may pull in a local file or a remote URL as content.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    }
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Sends one message; resolves with the Message-ID the server accepted it under, rejects on any SMTP failure. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('SMTP_URL is not set: e-mail cannot be sent');
    const info = await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    if (info.rejected?.length) throw new Error(`the SMTP server refused the recipient`);
    return String(info.messageId ?? mail.messageId);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
