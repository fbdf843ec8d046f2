import { Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { APPEALED_DECISION_LABELS, labelOf } from '../../../i18n/labels';
import { formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { StatusSelect } from '../../../shared/StatusFilter';

type Appeal = Schemas['AppealView'];

const FILTERS = ['status'] as const;

const messages = defineMessages({
  zh: {
    title: '申诉',
    status: '状态',
    allStatuses: '全部状态',
    reference: '申诉编号',
    decision: '被申诉的决定',
    about: '涉及',
    lodgedAt: '提出日期',
    empty: '本企业尚未提出申诉',
    caption: '本企业对认证机构决定提出的申诉',
  },
  en: {
    title: 'Appeals',
    status: 'Status',
    allStatuses: 'All statuses',
    reference: 'Reference',
    decision: 'Decision appealed',
    about: 'Concerning',
    lodgedAt: 'Lodged',
    empty: 'The enterprise has lodged no appeal',
    caption: "The enterprise's appeals against its certification body's decisions",
  },
});

/** The enterprise's appeals, newest first, with their state. */
export function AppealsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const columns: TableColumnsType<Appeal> = [
    { title: t('reference'), key: 'reference', render: (_, a) => <Link to={`/appeals/${a.id}`}>{a.reference}</Link> },
    { title: t('status'), key: 'status', render: (_, a) => <StatusTag family="appeal" status={a.status} /> },
    { title: t('decision'), key: 'decision', render: (_, a) => labelOf(APPEALED_DECISION_LABELS, a.decision.action, language) },
    { title: t('about'), key: 'about', render: (_, a) => a.certificate?.number ?? a.applicationNumber },
    { title: t('lodgedAt'), key: 'createdAt', render: (_, a) => formatDate(a.createdAt) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <StatusSelect
          family="appeal"
          label={t('status')}
          placeholder={t('allStatuses')}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          width={200}
        />
      </Space>
      <PagedTable<Appeal>
        queryKey={['appeals', filters]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/appeals', { params: { query: { page: p, pageSize: size, status: filters.status as Appeal['status'] | undefined } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
    </>
  );
}
