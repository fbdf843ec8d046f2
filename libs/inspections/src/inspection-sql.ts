import type { TargetKind } from './inspection.dto';

/** What a target stands for, in a word; the subject's own tables are read by name (the scheme's and certification's rows). */
export const TARGET_LABEL = `CASE t.kind
    WHEN 'declaration' THEN (SELECT d.product_name_zh FROM self_declarations d WHERE d.id = t.subject_id)
    WHEN 'certificate' THEN (SELECT c.number FROM certificates c WHERE c.id = t.subject_id)
    ELSE e.name_zh END`;
export const ENTERPRISE_JSON = `json_build_object('id', e.id, 'nameZh', e.name_zh, 'nameEn', e.name_en, 'creditCode', e.credit_code)`;

/**
 * The live platform rows each kind of target stands for, with their enterprise: a published
 * self-declaration, a valid or suspended certificate, an enterprise. A target whose row is no longer
 * live stays registered but is left out of the population of plans committed after that.
 */
export const LIVE_SUBJECTS: Record<TargetKind, string> = {
  declaration: `SELECT d.id, d.enterprise_id FROM self_declarations d WHERE d.status = 'published'`,
  certificate: `SELECT c.id, c.enterprise_id FROM certificates c WHERE c.status IN ('valid', 'suspended')`,
  holder: `SELECT o.id, o.id AS enterprise_id FROM organizations o WHERE o.kind = 'enterprise'`,
};
