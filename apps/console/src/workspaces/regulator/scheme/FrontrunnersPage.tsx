import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { QueryState } from '../../../shared/states';
import { nameIn } from '../common';
import { useCategoryOptions } from '../oversight/useOptions';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '领跑者名单',
    intro: '按产品类别和国家标准的计量指标，对已公开自我声明的声明值排行，取前 N 名为当年领跑者；名单记录公布时的声明值，公布后不再变化。',
    publish: '公布名单',
    year: '年度',
    category: '产品类别',
    standard: '国家标准',
    requirement: '指标（计量要求）',
    size: '领跑者人数（前 N 名）',
    indicator: '指标',
    direction: '方向',
    higher: '越高越好',
    lower: '越低越好',
    frontrunners: '领跑者',
    ranked: '参与排行',
    publishedAt: '公布时间',
    required: '请填写此项',
    submit: '公布',
    cancel: '取消',
    published: '名单已公布',
    caption: '已公布的领跑者名单',
    empty: '尚未公布领跑者名单',
  },
  en: {
    title: 'Frontrunner lists',
    intro:
      "Published self-declarations' values of a measured national requirement are ranked per product category; the top N are the year's frontrunners. A list records the values as published and never changes.",
    publish: 'Publish a list',
    year: 'Year',
    category: 'Product category',
    standard: 'National standard',
    requirement: 'Indicator (measured requirement)',
    size: 'Frontrunners (top N)',
    indicator: 'Indicator',
    direction: 'Direction',
    higher: 'higher is better',
    lower: 'lower is better',
    frontrunners: 'Frontrunners',
    ranked: 'Ranked',
    publishedAt: 'Published',
    required: 'Please fill this in',
    submit: 'Publish',
    cancel: 'Cancel',
    published: 'The list was published',
    caption: 'Published frontrunner lists',
    empty: 'No frontrunner list yet',
  },
});

type FrontrunnerList = Schemas['FrontrunnerListView'];
type ListForm = { year: number; categoryCode: string; standardId: string; requirementId: string; size: number };
const LISTS_KEY = 'frontrunner-lists';

/** The lists the regulator has published, and the dialog that publishes the next one from the current ranking. */
export default function FrontrunnersPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const [publishing, setPublishing] = useState(false);
  const lists = useQuery({
    queryKey: [LISTS_KEY],
    queryFn: () => unwrap(api.GET('/api/v1/public/frontrunner-lists', { params: { query: { page: 1, pageSize: 100 } } })),
  });
  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
          {t('publish')}
        </Button>
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState query={lists}>
        {(page) => (
          <Table<FrontrunnerList>
            rowKey="id"
            dataSource={page.items}
            pagination={false}
            title={() => t('caption')}
            locale={{ emptyText: t('empty') }}
            columns={[
              { title: t('year'), dataIndex: 'year', width: 80 },
              { title: t('category'), key: 'category', render: (_, l) => nameIn(language, l.categoryNameZh ?? l.categoryCode, l.categoryNameEn) },
              {
                title: t('indicator'),
                key: 'indicator',
                render: (_, l) => (
                  <a href={`/frontrunners/${l.id}?lang=${language}`} target="_blank" rel="noreferrer">
                    {l.indicator}
                    {l.unit ? ` (${l.unit})` : ''}
                  </a>
                ),
              },
              { title: t('direction'), dataIndex: 'direction', render: (d: FrontrunnerList['direction']) => t(d) },
              { title: t('frontrunners'), dataIndex: 'size', width: 100 },
              { title: t('ranked'), dataIndex: 'ranked', width: 100 },
              { title: t('publishedAt'), dataIndex: 'publishedAt', render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </QueryState>
      {publishing && <PublishDialog onClose={() => setPublishing(false)} />}
    </>
  );
}

function PublishDialog({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ListForm>();
  const { refusal, onError, clear } = useRefusal(form);
  const categories = useCategoryOptions();
  const categoryCode = Form.useWatch('categoryCode', form);
  const standardId = Form.useWatch('standardId', form);
  const standards = useQuery({
    queryKey: ['standards', { kind: 'national', categoryCode }],
    enabled: Boolean(categoryCode),
    queryFn: () => unwrap(api.GET('/api/v1/standards', { params: { query: { kind: 'national', categoryCode, status: 'current', pageSize: 100 } } })),
  });
  const standard = useQuery({
    queryKey: ['standards', standardId],
    enabled: Boolean(standardId),
    queryFn: () => unwrap(api.GET('/api/v1/standards/{id}', { params: { path: { id: standardId } } })),
  });
  const publish = useMutation({
    mutationFn: ({ year, categoryCode, requirementId, size }: ListForm) =>
      unwrap(api.POST('/api/v1/frontrunner-lists', { body: { year, categoryCode, requirementId, size } })),
    onSuccess: () => {
      void message.success(t('published'));
      void client.invalidateQueries({ queryKey: [LISTS_KEY] });
      onClose();
    },
    onError,
  });
  const thisYear = new Date().getFullYear();
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('publish')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={publish.isPending}
      onCancel={onClose}
      onOk={() => {
        clear();
        form.validateFields().then(
          (values) => publish.mutate(values),
          () => undefined,
        );
      }}
    >
      <RefusalAlert refusal={refusal} />
      <Form<ListForm> form={form} layout="vertical" initialValues={{ year: thisYear, size: 5 }}>
        <Form.Item name="year" label={t('year')} rules={required}>
          <Select options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('category')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={categories.loading}
            options={categories.options}
            onChange={() => form.setFieldsValue({ standardId: undefined, requirementId: undefined })}
          />
        </Form.Item>
        <Form.Item name="standardId" label={t('standard')} rules={required}>
          <Select
            disabled={!categoryCode}
            loading={standards.isFetching}
            options={(standards.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code}-${s.version} ${nameIn(language, s.titleZh, s.titleEn)}` }))}
            onChange={() => form.setFieldsValue({ requirementId: undefined })}
          />
        </Form.Item>
        <Form.Item name="requirementId" label={t('requirement')} rules={required}>
          <Select
            disabled={!standardId}
            loading={standard.isFetching}
            options={(standard.data?.requirements ?? [])
              .filter((r) => r.kind === 'measured')
              .map((r) => ({ value: r.id, label: `${r.clause} ${nameIn(language, r.textZh, r.textEn)}${r.unit ? ` (${r.unit})` : ''}` }))}
          />
        </Form.Item>
        <Form.Item name="size" label={t('size')} rules={required}>
          <Select options={[3, 5, 10, 20].map((n) => ({ value: n, label: String(n) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
