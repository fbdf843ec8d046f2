import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { labelOf, STATUS_LABELS } from '../../i18n/labels';
import { CaseActionForm } from '../../shared/complaints/CaseActionForm';
import { formatDate } from '../../shared/dates';
import { PagedTable } from '../../shared/PagedTable';
import { StatusTag } from '../../shared/StatusTag';
import { useListParams } from '../../shared/url-state';

const messages = defineMessages({
  zh: {
    title: '团体标准',
    groupCode: '团体代号',
    registerTitle: '登记团体代号',
    registerHint: '标准编号为 T/团体代号 顺序号—年份；代号在平台上唯一，只登记一次（2–12 位大写字母或数字）。',
    register: '登记',
    registered: '团体代号已登记',
    yourCode: '本团体代号：{code}',
    proposeTitle: '提出新标准',
    titleZh: '中文名称',
    titleEn: '英文名称',
    scope: '范围',
    categories: '适用产品类别',
    fullTextOpen: '全文公开',
    propose: '提出',
    proposed: '已提出，待立项',
    number: '编号',
    name: '名称',
    status: '状态',
    publishedOn: '发布日期',
    caption: '本团体的团体标准',
    search: '搜索编号或名称（至少 2 个字）',
  },
  en: {
    title: 'Group standards',
    groupCode: 'Group code',
    registerTitle: 'Register the group code',
    registerHint:
      'Standards are numbered T/<group code> <sequence>—<year>; the code is unique on the platform and registered once (2–12 upper-case letters or digits).',
    register: 'Register',
    registered: 'Group code registered',
    yourCode: 'Your group code: {code}',
    proposeTitle: 'Propose a standard',
    titleZh: 'Chinese title',
    titleEn: 'English title',
    scope: 'Scope',
    categories: 'Product categories',
    fullTextOpen: 'Full text open',
    propose: 'Propose',
    proposed: 'Proposed: awaiting project approval',
    number: 'Number',
    name: 'Title',
    status: 'Status',
    publishedOn: 'Published',
    caption: "The association's group standards",
    search: 'Search number or title (2 characters or more)',
  },
});

const FILTERS = ['status', 'q'] as const;
type GroupStandard = Schemas['GroupStandardSummary'];

/** The association's group standards: its group code (registered once), a new proposal, and the list. */
export default function GroupStandardsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const codes = useQuery({ queryKey: ['group-codes'], queryFn: () => unwrap(api.GET('/api/v1/group-codes')) });
  const categories = useQuery({
    queryKey: ['categories', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/categories', { params: { query: { pageSize: 100 } } })),
  });
  const code = codes.data?.[0]?.code;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      {code ? (
        <Typography.Paragraph id="group-code">{t('yourCode', { code })}</Typography.Paragraph>
      ) : (
        codes.isSuccess && (
          <CaseActionForm<{ code: string }>
            name="group-code"
            title={t('registerTitle')}
            submit={t('register')}
            done={t('registered')}
            caseKey={['group-codes']}
            before={<Typography.Paragraph type="secondary">{t('registerHint')}</Typography.Paragraph>}
            onSubmit={(body) => unwrap(api.POST('/api/v1/group-codes', { body }))}
          >
            <Form.Item name="code" label={t('groupCode')} rules={[{ required: true }]}>
              <Input maxLength={12} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </CaseActionForm>
        )
      )}
      {code && (
        <CaseActionForm<Schemas['CreateGroupStandardDto']>
          name="propose"
          title={t('proposeTitle')}
          submit={t('propose')}
          done={t('proposed')}
          caseKey={['group-standards']}
          onSubmit={(body) => unwrap(api.POST('/api/v1/group-standards', { body: { ...body, fullTextOpen: Boolean(body.fullTextOpen) } }))}
        >
          <Form.Item name="titleZh" label={t('titleZh')} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="titleEn" label={t('titleEn')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="scope" label={t('scope')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="categoryCodes" label={t('categories')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: language === 'en' && c.nameEn ? c.nameEn : c.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="fullTextOpen" valuePropName="checked">
            <Checkbox>{t('fullTextOpen')}</Checkbox>
          </Form.Item>
        </CaseActionForm>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('status')}
          placeholder={t('status')}
          allowClear
          style={{ width: 160 }}
          value={filters.status}
          options={Object.keys(STATUS_LABELS.groupStandard).map((s) => ({ value: s, label: labelOf(STATUS_LABELS.groupStandard, s, language) }))}
          onChange={(status?: string) => setFilters({ status })}
        />
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          key={filters.q ?? ''}
          defaultValue={filters.q}
          style={{ width: 280 }}
          onSearch={(q) => setFilters({ q: q.trim() })}
        />
      </Space>
      <PagedTable<GroupStandard>
        queryKey={['group-standards', filters]}
        fetchPage={(p, size) =>
          unwrap(
            api.GET('/api/v1/group-standards', {
              params: { query: { page: p, pageSize: size, status: filters.status as GroupStandard['status'] | undefined, q: filters.q } },
            }),
          )
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('number'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
          {
            title: t('name'),
            key: 'name',
            render: (_, g) => <Link to={`/group-standards/${g.id}`}>{language === 'en' && g.titleEn ? g.titleEn : g.titleZh}</Link>,
          },
          { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="groupStandard" status={s} /> },
          { title: t('publishedOn'), dataIndex: 'publishedOn', render: (d: string | null) => (d ? formatDate(d) : '—') },
        ]}
      />
    </>
  );
}
