import { AuditEvaluationProcessor } from './audit-evaluation.processor';
import { AuditPlanningProcessor } from './audit-planning.processor';

/** The certification context's BullMQ processors; only the worker app provides them. */
export const certificationProcessors = [AuditPlanningProcessor, AuditEvaluationProcessor];
