import type { Type } from '@nestjs/common';
import type { QueueName } from '@app/queue';
import { AuditEvaluationProcessor } from './audit-evaluation.processor';
import { AuditPlanningProcessor } from './audit-planning.processor';
import { CertificateIssueProcessor } from './certificate-issue.processor';
import { CertificateStatusProcessor } from './certificate-status.processor';
import { CertificateSweeper } from '../certificates/certificate-sweeper';
import { EvidenceSweeper } from '../evidence/evidence-sweeper';
import { LabelCodesProcessor } from './label-codes.processor';

/**
 * The certification context's BullMQ processors (and schedulers) by queue; only the worker app
 * provides them, and a worker process may serve a subset (WORKER_QUEUES), e.g. a pool of
 * processes that only render certificates.
 */
export const CERTIFICATION_PROCESSORS = {
  'audit-planning': [AuditPlanningProcessor],
  'audit-evaluation': [AuditEvaluationProcessor],
  'certificate-issue': [CertificateIssueProcessor],
  // The timed sweeps run beside the certificate-status processor: certificates, their surveillance, and abandoned evidence uploads.
  'certificate-status': [CertificateStatusProcessor, CertificateSweeper, EvidenceSweeper],
  'label-codes': [LabelCodesProcessor],
} satisfies Partial<Record<QueueName, Type[]>>;
