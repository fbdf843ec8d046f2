import { DatePicker, Form, Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { STATUS_LABELS } from '../../../i18n/labels';
import { dayjs, formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Certificate = Schemas['CertificateSummary'];
type CertificateStatus = Certificate['status'];

const FILTERS = ['status', 'expiresBefore', 'q'] as const;

const messages = defineMessages({
  zh: {
    title: '证书',
    number: '证书编号',
    status: '状态',
    anyStatus: '全部状态',
    scope: '认证范围',
    body: '认证机构',
    issuedOn: '颁发日期',
    expiresOn: '有效期至',
    expiresBefore: '在此日期前到期',
    search: '搜索',
    searchPlaceholder: '证书编号、产品名称、品牌或型号（至少两个字）',
    searchShort: '请至少输入两个字',
    empty: '没有符合条件的证书',
    caption: '本企业持有的证书',
  },
  en: {
    title: 'Certificates',
    number: 'Certificate number',
    status: 'Status',
    anyStatus: 'Any status',
    scope: 'Scope',
    body: 'Certification body',
    issuedOn: 'Issued on',
    expiresOn: 'Valid until',
    expiresBefore: 'Expiring before',
    search: 'Search',
    searchPlaceholder: 'Number, product name, brand or model (two characters at least)',
    searchShort: 'Type two characters at least',
    empty: 'No certificate matches',
    caption: "Your enterprise's certificates",
  },
});

/** What a certificate covers in a few words: its products (with models) or its service. */
export function scopeSummary(scope: Schemas['ScopeDto'], language: 'zh' | 'en'): string {
  if (scope.kind === 'service') return (language === 'en' && scope.service?.nameEn) || scope.service?.nameZh || '—';
  return (scope.products ?? []).map((p) => `${(language === 'en' && p.nameEn) || p.nameZh} (${p.models.join(', ')})`).join('; ') || '—';
}

export function CertificatesPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  // The API searches from two characters on: a shorter term is explained here instead of refused there.
  const [tooShort, setTooShort] = useState(false);

  const columns: TableColumnsType<Certificate> = [
    { title: t('number'), dataIndex: 'number', render: (number: string, c) => <Link to={`/certificates/${c.id}`}>{number}</Link> },
    { title: t('status'), dataIndex: 'status', render: (s: CertificateStatus) => <StatusTag family="certificate" status={s} /> },
    {
      title: t('scope'),
      key: 'scope',
      render: (_, c) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 320 }}>
          {scopeSummary(c.scope, language)}
        </Typography.Text>
      ),
    },
    { title: t('body'), key: 'body', render: (_, c) => (language === 'en' && c.certificationBody.nameEn) || c.certificationBody.nameZh },
    { title: t('issuedOn'), dataIndex: 'issuedOn', render: (d: string) => formatDate(d) },
    { title: t('expiresOn'), dataIndex: 'expiresOn', render: (d: string) => formatDate(d) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('status')} htmlFor="certificates-status">
          <Select<CertificateStatus | undefined>
            id="certificates-status"
            allowClear
            placeholder={t('anyStatus')}
            style={{ width: 140 }}
            value={(filters.status as CertificateStatus | undefined) ?? undefined}
            onChange={(status) => setFilters({ status })}
            options={(Object.keys(STATUS_LABELS.certificate) as CertificateStatus[]).map((s) => ({ value: s, label: STATUS_LABELS.certificate[s][language] }))}
          />
        </Form.Item>
        <Form.Item label={t('expiresBefore')} htmlFor="certificates-expires-before">
          <DatePicker
            id="certificates-expires-before"
            value={filters.expiresBefore ? dayjs(filters.expiresBefore) : null}
            onChange={(d) => setFilters({ expiresBefore: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </Form.Item>
        <Form.Item label={t('search')} htmlFor="certificates-q" validateStatus={tooShort ? 'error' : undefined} help={tooShort ? t('searchShort') : undefined}>
          <Input.Search
            id="certificates-q"
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t('searchPlaceholder')}
            allowClear
            style={{ width: 320, maxWidth: '100%' }}
            onChange={() => setTooShort(false)}
            onSearch={(value) => {
              const q = value.trim();
              setTooShort(q.length === 1);
              if (q.length !== 1) setFilters({ q: q || undefined });
            }}
          />
        </Form.Item>
      </Form>
      <PagedTable<Certificate>
        queryKey={['certificates', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/certificates', {
              params: {
                query: { page: p, pageSize: size, status: filters.status as CertificateStatus | undefined, expiresBefore: filters.expiresBefore, q: filters.q },
              },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        columns={columns}
        rowKey="id"
        caption={t('caption')}
        empty={t('empty')}
      />
    </Space>
  );
}
