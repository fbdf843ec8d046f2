import { Typography, type TableColumnsType } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf } from '../../../i18n/labels';
import { formatDate } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { StatusTag } from '../../../shared/StatusTag';
import { useListParams } from '../../../shared/url-state';

type Complaint = Schemas['ComplaintView'];

/** The list has no filters: only its page lives in the URL. */
const NO_FILTERS: readonly never[] = [];

const ABOUT = {
  product: { zh: '认证产品', en: 'A certified product' },
  holder: { zh: '持证企业', en: 'A holder' },
  certification_body: { zh: '认证机构的工作', en: "A certification body's work" },
};
const OUTCOME = {
  upheld: { zh: '投诉成立', en: 'Upheld' },
  partly_upheld: { zh: '部分成立', en: 'Partly upheld' },
  not_upheld: { zh: '投诉不成立', en: 'Not upheld' },
};

const messages = defineMessages({
  zh: {
    title: '投诉',
    intro: '本账号提交的投诉及其处理进度；结案后显示处理结果。',
    reference: '投诉编号',
    status: '状态',
    about: '投诉对象',
    certificate: '证书',
    outcome: '结果',
    filedAt: '提交日期',
    empty: '您尚未提交投诉',
    caption: '您提交的投诉',
  },
  en: {
    title: 'Complaints',
    intro: 'The complaints you filed and how far they are; the outcome once closed.',
    reference: 'Reference',
    status: 'Status',
    about: 'About',
    certificate: 'Certificate',
    outcome: 'Outcome',
    filedAt: 'Filed',
    empty: 'You have filed no complaint',
    caption: 'The complaints you filed',
  },
});

/** The complaints the signed-in person filed (the API lists an enterprise user's own). */
export function ComplaintsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, setPage } = useListParams(NO_FILTERS);
  const columns: TableColumnsType<Complaint> = [
    { title: t('reference'), dataIndex: 'reference' },
    { title: t('status'), key: 'status', render: (_, c) => <StatusTag family="complaint" status={c.status} /> },
    { title: t('about'), key: 'about', render: (_, c) => labelOf(ABOUT, c.about, language) },
    { title: t('certificate'), key: 'certificate', render: (_, c) => c.certificate?.number ?? '—' },
    { title: t('outcome'), key: 'outcome', render: (_, c) => (c.outcome ? labelOf(OUTCOME, c.outcome, language) : '—') },
    { title: t('filedAt'), key: 'createdAt', render: (_, c) => formatDate(c.createdAt) },
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <PagedTable<Complaint>
        queryKey={['complaints']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/complaints', { params: { query: { page: p, pageSize: size } } }))}
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
