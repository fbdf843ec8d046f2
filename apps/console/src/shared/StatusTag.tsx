import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language';
import { statusLabel, type StatusFamily } from '../i18n/labels';

export type Tone = 'success' | 'processing' | 'warning' | 'error' | 'purple' | 'neutral';

/** Text, background and border of each tone: the text keeps a 4.5:1 contrast on its background (Ant Design's preset tags do not). */
export const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  processing: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  neutral: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
};

const TONE_OF: Record<string, Tone> = {
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
  completed: 'success',
  requested: 'warning',
  open: 'warning',
  answered: 'processing',
  in_progress: 'processing',
  evaluated: 'success',
  suspended: 'warning',
  corrections_required: 'warning',
  rejected: 'error',
  refused: 'error',
  failed: 'error',
  revoked: 'error',
  confirmed: 'error',
  active: 'success',
  paused: 'warning',
  pending: 'processing',
  delivered: 'success',
  current: 'success',
  listed: 'warning',
  received: 'warning',
  reviewing: 'processing',
  acknowledged: 'processing',
  under_investigation: 'processing',
  under_consideration: 'processing',
  lodged: 'warning',
  resolved: 'success',
  proposed: 'processing',
  drafting: 'processing',
  public_comment: 'warning',
  technical_review: 'purple',
  accredited: 'success',
  in_force: 'success',
  presented: 'warning',
  terminated: 'error',
  done: 'success',
};

/** A state as a coloured tag with its name in the person's language. */
export function StatusTag({ family, status }: { family: StatusFamily; status: string }) {
  const { language } = useLanguage();
  return <Tag style={TONES[TONE_OF[status] ?? 'neutral']}>{statusLabel(family, status, language)}</Tag>;
}

/** A flag beside a state (overdue, escalated) in one of the tag tones, readable at 4.5:1 as the state tags are. */
export function FlagTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <Tag style={TONES[tone]} title={title}>
      {children}
    </Tag>
  );
}
