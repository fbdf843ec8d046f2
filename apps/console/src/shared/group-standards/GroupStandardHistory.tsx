import { Table, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { GROUP_STANDARD_ACTION_LABELS, labelOf } from '../../i18n/labels';
import { formatDateTime } from '../dates';
import { StatusTag } from '../StatusTag';

const messages = defineMessages({
  zh: { history: '制定过程', caption: '标准的每一步，按时间先后', at: '时间', action: '事项', to: '此后状态', note: '说明' },
  en: { history: 'History', caption: "The standard's steps, oldest first", at: 'When', action: 'Event', to: 'Status after', note: 'Note' },
});

/** A group standard's steps as the association and the regulator read them: each action named, with the state it led to. */
export function GroupStandardHistory({ history }: { history: Schemas['GroupStandardEventView'][] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  return (
    <section>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('history')}
      </Typography.Title>
      <Table<Schemas['GroupStandardEventView']>
        rowKey={(h) => `${h.at}-${h.action}`}
        size="small"
        pagination={false}
        dataSource={history}
        title={() => t('caption')}
        columns={[
          { title: t('at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
          { title: t('action'), dataIndex: 'action', render: (a: string) => labelOf(GROUP_STANDARD_ACTION_LABELS, a, language) },
          { title: t('to'), dataIndex: 'to', render: (to: string) => <StatusTag family="groupStandard" status={to} /> },
          { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
    </section>
  );
}
