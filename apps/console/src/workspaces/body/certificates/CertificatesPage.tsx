import { Select, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { STATUS_LABELS } from '../../../i18n/labels';
import { formatDate, inShenzhen } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';
import { ListSearch } from '../../../shared/ListSearch';

type Certificate = Schemas['CertificateSummary'];
type Status = 'valid' | 'suspended' | 'withdrawn' | 'cancelled' | 'expired';

const FILTERS = ['status', 'q', 'expiring'] as const;
const STATUSES: Status[] = ['valid', 'suspended', 'withdrawn', 'cancelled', 'expired'];
/** "Expiring within N days" becomes the API's expiresBefore, counted on Shenzhen's calendar. */
const EXPIRING_DAYS = ['30', '60', '90', '180'];

const messages = defineMessages({
  zh: {
    title: '证书',
    status: '状态',
    all: '全部状态',
    expiring: '到期',
    anyExpiry: '不限到期时间',
    within: '{days} 天内到期',
    search: '搜索证书',
    searchPlaceholder: '证书编号、持证人或产品',
    number: '证书编号',
    holder: '持证人',
    issuedOn: '发证日期',
    expiresOn: '有效期至',
    empty: '没有符合条件的证书',
  },
  en: {
    title: 'Certificates',
    status: 'Status',
    all: 'All statuses',
    expiring: 'Expiry',
    anyExpiry: 'Any expiry',
    within: 'Expiring within {days} days',
    search: 'Search certificates',
    searchPlaceholder: 'Number, holder or product',
    number: 'Number',
    holder: 'Holder',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    empty: 'No certificate matches',
  },
});

export default function CertificatesPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const expiresBefore =
    filters.expiring && EXPIRING_DAYS.includes(filters.expiring) ? inShenzhen(new Date()).add(Number(filters.expiring), 'day').format('YYYY-MM-DD') : undefined;
  const status = STATUSES.includes(filters.status as Status) ? (filters.status as Status) : undefined;

  const columns: TableColumnsType<Certificate> = [
    { title: t('number'), dataIndex: 'number', render: (_, row) => <Link to={`/certificates/${row.id}`}>{row.number}</Link> },
    { title: t('holder'), key: 'holder', render: (_, row) => (language === 'en' && row.holder.nameEn ? row.holder.nameEn : row.holder.nameZh) },
    { title: t('status'), dataIndex: 'status', render: (s: Status) => <StatusTag family="certificate" status={s} /> },
    { title: t('issuedOn'), dataIndex: 'issuedOn', render: (d: string) => formatDate(d) },
    { title: t('expiresOn'), dataIndex: 'expiresOn', render: (d: string) => formatDate(d) },
  ];

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          style={{ width: 180 }}
          value={status ?? ''}
          onChange={(value: string) => setFilters({ status: value || undefined })}
          options={[{ value: '', label: t('all') }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS.certificate[s][language] }))]}
        />
        <Select
          aria-label={t('expiring')}
          style={{ width: 200 }}
          value={expiresBefore ? filters.expiring : ''}
          onChange={(value: string) => setFilters({ expiring: value || undefined })}
          options={[{ value: '', label: t('anyExpiry') }, ...EXPIRING_DAYS.map((d) => ({ value: d, label: t('within', { days: d }) }))]}
        />
        <ListSearch label={t('search')} placeholder={t('searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </Space>
      <PagedTable<Certificate>
        queryKey={['certificates', status ?? null, filters.q ?? null, expiresBefore ?? null]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/certificates', { params: { query: { page: p, pageSize: size, status, q: filters.q, expiresBefore } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        empty={t('empty')}
      />
    </>
  );
}
