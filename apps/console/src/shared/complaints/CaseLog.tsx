import { Timeline, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { useLanguage } from '../../i18n/language';
import { labelOf, type Labels } from '../../i18n/labels';
import { formatDateTime } from '../dates';
import { EmptyState } from '../states';
import { StatusTag } from '../StatusTag';

/** The steps of a complaint or an appeal, as their timelines name them. */
const STEP_LABELS: Labels = {
  receive: { zh: '收到', en: 'Received' },
  acknowledge: { zh: '确认收到', en: 'Acknowledged' },
  assign_investigator: { zh: '指定调查人', en: 'Investigator assigned' },
  request_special_audit: { zh: '要求专项审核', en: 'Special audit requested' },
  suspend_certificate: { zh: '暂停证书', en: 'Certificate suspended' },
  resolve: { zh: '记录处理结果', en: 'Outcome recorded' },
  close: { zh: '结案', en: 'Closed' },
  lodge: { zh: '提出申诉', en: 'Lodged' },
  assign: { zh: '指定处理人', en: 'Handler assigned' },
  uphold: { zh: '申诉成立', en: 'Upheld' },
  dismiss: { zh: '驳回申诉', en: 'Dismissed' },
};

/** A complaint's or an appeal's timeline, oldest first: who did what, and why. */
export function CaseLog({ timeline, family }: { timeline: Schemas['CaseTimelineEntry'][]; family: 'complaint' | 'appeal' }) {
  const { language } = useLanguage();
  if (timeline.length === 0) return <EmptyState />;
  return (
    <Timeline
      items={timeline.map((entry) => ({
        content: (
          <>
            <Typography.Text strong>{labelOf(STEP_LABELS, entry.action, language)}</Typography.Text> <StatusTag family={family} status={entry.to} />
            <br />
            <Typography.Text type="secondary">
              {formatDateTime(entry.at)} · {entry.actor.displayName ?? '—'}
              {entry.actor.organization ? ` (${entry.actor.organization})` : ''}
            </Typography.Text>
            {entry.reason && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{entry.reason}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
