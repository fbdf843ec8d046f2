import type { Job } from 'bullmq';

/**
 * The contract of the API→worker hop: every queue, the jobs it takes and what each job carries.
 * `enqueue` accepts only a queue, job name and payload from this map, and each processor reads
 * its job data through `JobOf<queue>`, so both sides of the outbox compile against one
 * definition. The queues list (QUEUES) is checked against it as well.
 */
export interface Jobs {
  'audit-planning': {
    'plan-initial-audit': { applicationId: string };
    /** An audit of an issued certificate: its scheduled surveillance, or a special one a risk signal brought forward. */
    'plan-certificate-audit': CertificateAuditRequest;
  };
  'audit-evaluation': {
    'evaluate-audit': { auditId: string };
  };
  'certificate-issue': {
    'issue-certificate': { applicationId: string };
    /** What a certificate says changed (its holder's name or address, its body's details, its scope): the next edition, new PDF and token. */
    'reissue-certificate': ReissueRequest;
  };
  'certificate-status': {
    'expire-certificate': { certificateId: string };
    /**
     * A standard superseded: its live certificates get a transition deadline and the new version, a
     * keyset page at a time (`after`: the last certificate id done; the job enqueues the next page).
     */
    'start-standard-transition': { standardId: string; after?: string };
    /**
     * A standard withdrawn: its live certificates are flagged (standard_withdrawn_at) and their
     * bodies told, a keyset page at a time (`after` as above).
     */
    'flag-standard-withdrawal': { standardId: string; after?: string };
  };
  'label-codes': {
    'generate-labels': { batchId: string };
  };
  notifications: {
    /** An event to tell people of: one inbox message (and e-mail) per recipient, never twice for one key. */
    notify: NotificationRequest;
    /** One e-mail the notify job wrote (email_deliveries): sent over SMTP, retried with backoff, never sent twice. */
    'send-email': { deliveryId: string };
  };
  webhooks: {
    /** A certificate change (its change-feed sequence) to turn into one delivery per active subscription. */
    'fan-out': { sequence: string };
    deliver: { deliveryId: string };
  };
}

/** Why an audit of an issued certificate is planned (audits.trigger); `application` is the initial audit's. */
export type AuditTrigger =
  | 'schedule'
  | 'complaint'
  | 'misuse_report'
  | 'counterfeit_signal'
  | 'abnormal_operations'
  | 'transition'
  | 'scope_extension'
  | 'renewal'
  | 'appeal'
  | 'inspection';

export interface CertificateAuditRequest {
  certificateId: string;
  kind: 'surveillance' | 'special';
  trigger: AuditTrigger;
  /** The record that caused it (complaint, misuse report, signal, listing): one special audit per cause. */
  sourceId?: string;
  /** A special audit may be unannounced: the holder is not told the date. */
  unannounced?: boolean;
}

export interface ReissueRequest {
  certificateId: string;
  /** Kept with the edition (e.g. "holder renamed"). */
  reason: string;
  /** What changed, by name (holder.nameZh, holder.address, scope, certificationBody…). */
  changedFields: string[];
  /** Who asked (a body's user), when a person did. */
  actorUserId?: string | null;
  actorOrganizationId?: string | null;
}

/** What people are told of (each has a bilingual template, zh first). */
export const NOTIFICATION_EVENTS = [
  // to the enterprise
  'audit_planned',
  'nonconformity_raised',
  'information_requested',
  'decision_made',
  'certificate_issued',
  'certificate_suspended',
  'certificate_withdrawn',
  'certificate_restored',
  'certificate_changed',
  'expiry_reminder',
  'surveillance_reminder',
  'transition_deadline_set',
  'credit_application_decided',
  'recognised_report_decided',
  // to the certification body
  'standard_withdrawn',
  'application_submitted',
  'nonconformity_answered',
  'surveillance_decision_due',
  'complaint_received',
  'appeal_received',
  'inspection_nonconforming',
  'credit_action_due',
  'credit_action_overdue',
  'recognised_report_presented',
  'recognised_report_withdrawn',
  // to the regulator
  'body_complained_about',
  'credit_action_escalated',
  'credit_application_overdue',
  // to a complainant or appellant
  'complaint_outcome',
  'appeal_outcome',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/**
 * Who is told: the users of an organization holding any of `roles` (all its active users when
 * omitted), one user, or an address with no account (a member of the public who complained).
 */
export type NotificationAudience = { organizationId: string; roles?: string[] } | { userId: string } | { email: string; language?: 'zh' | 'en' };

export interface NotificationRequest {
  event: NotificationEvent;
  /**
   * The event's identity: with each recipient it is the idempotency key, so a retried job, a
   * re-run sweep or a repeated call tells nobody twice (e.g. `expiry:<certificateId>:30`).
   */
  key: string;
  audience: NotificationAudience[];
  /** The certificate (or application, complaint…) number shown in the subject. */
  subjectNumber?: string;
  /** A path under PUBLIC_BASE_URL (`/console/...` or a public page): the link in the message. */
  link: string;
  /** Values the template fills in (dates as YYYY-MM-DD, names, reasons). */
  params?: Record<string, string | number>;
}

export type QueueName = keyof Jobs;
export type JobName<Q extends QueueName> = keyof Jobs[Q] & string;

/** Any payload of any job: what an outbox row holds. */
export type JobPayload = { [Q in QueueName]: Jobs[Q][JobName<Q>] }[QueueName];

/** What every job carries besides its own payload. */
export interface OutboxJobData {
  outboxId: string;
}

/**
 * A job as a processor of queue Q receives it: one member per job name, so `switch (job.name)`
 * narrows `job.data` to that job's payload.
 */
export type JobOf<Q extends QueueName> = {
  [N in JobName<Q>]: Job<Jobs[Q][N] & OutboxJobData, unknown, N>;
}[JobName<Q>];

/** Work recorded in the outbox: one member per queue and job name, so a payload must match its job. */
export type OutboxMessage<Q extends QueueName = QueueName> = {
  [K in Q]: {
    [N in JobName<K>]: {
      queue: K;
      name: N;
      payload: Jobs[K][N];
      /** The organization the work concerns: its cb_admin sees the job if it fails. */
      organizationId?: string | null;
      /** Not before this time (a certificate's expiry, say). */
      availableAt?: Date;
    };
  }[JobName<K>];
}[Q];
