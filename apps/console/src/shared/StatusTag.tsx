import { Tag } from 'antd';
import { useLanguage } from '../i18n/language';
import { statusLabel, type StatusFamily } from '../i18n/labels';

const COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  under_review: 'processing',
  info_requested: 'warning',
  accepted: 'processing',
  in_evaluation: 'processing',
  awaiting_decision: 'purple',
  granted: 'success',
  valid: 'success',
  ready: 'success',
  passed: 'success',
  published: 'success',
  closed: 'default',
  completed: 'success',
  requested: 'warning',
  open: 'warning',
  answered: 'processing',
  planned: 'default',
  in_progress: 'processing',
  evaluated: 'success',
  suspended: 'warning',
  corrections_required: 'warning',
  rejected: 'error',
  refused: 'error',
  failed: 'error',
  withdrawn: 'default',
  revoked: 'error',
  expired: 'default',
  cancelled: 'default',
  confirmed: 'error',
  dismissed: 'default',
  current: 'success',
  superseded: 'default',
  active: 'success',
  listed: 'warning',
  removed: 'default',
  received: 'warning',
  reviewing: 'processing',
};

/** A state as a coloured tag with its name in the person's language. */
export function StatusTag({ family, status }: { family: StatusFamily; status: string }) {
  const { language } = useLanguage();
  return <Tag color={COLORS[status] ?? 'default'}>{statusLabel(family, status, language)}</Tag>;
}
