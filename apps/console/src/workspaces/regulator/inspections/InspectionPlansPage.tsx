import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import { TONES, type Tone } from '../../../shared/StatusTag';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { allPages } from '../../../api/all-pages';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { PagedTable } from '../../../shared/PagedTable';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { useListParams } from '../../../shared/url-state';
import { nameIn } from '../common';
import { InspectionsNav } from './InspectionsNav';
import { PageTitle } from '../../../shared/PageTitle';

export const planMessages = defineMessages({
  zh: {
    title: '双随机抽查计划',
    newPlan: '新建抽查计划',
    name: '计划名称',
    year: '年度',
    status: '状态',
    draft: '草稿',
    committed: '已承诺',
    drawn: '已抽取',
    results_recorded: '结果已公示',
    closed: '已办结',
    matters: '抽查事项',
    rateOf: '{c} 类抽查比例（%）',
    inspectorsPerTarget: '每个对象的检查人员数',
    populationSize: '检查对象总数',
    committedAt: '承诺时间',
    drawnAt: '抽取时间',
    save: '保存草稿',
    cancel: '取消',
    required: '请填写此项',
    caption: '抽查计划：承诺随机种子后冻结名录，抽取后公布种子',
  },
  en: {
    title: 'Random inspection plans',
    newPlan: 'New plan',
    name: 'Plan',
    year: 'Year',
    status: 'Status',
    draft: 'Draft',
    committed: 'Committed',
    drawn: 'Drawn',
    results_recorded: 'Results published',
    closed: 'Closed',
    matters: 'Matters',
    rateOf: 'Class {c} sampling rate (%)',
    inspectorsPerTarget: 'Inspectors per target',
    populationSize: 'Targets in the population',
    committedAt: 'Committed',
    drawnAt: 'Drawn',
    save: 'Save the draft',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Plans: the registers are frozen when the seed is committed; the seed is published at the draw',
  },
});

const STATUS_TONE: Record<string, Tone> = { draft: 'neutral', committed: 'warning', drawn: 'processing', results_recorded: 'success', closed: 'neutral' };
export function PlanStatusTag({ status }: { status: Schemas['PlanView']['status'] }) {
  const t = useT(planMessages);
  return <Tag style={TONES[STATUS_TONE[status]]}>{t(status)}</Tag>;
}

export default function InspectionPlansPage() {
  const t = useT(planMessages);
  const { page, pageSize, setPage } = useListParams([]);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <InspectionsNav />
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('newPlan')}
        </Button>
      </PageTitle>
      <PagedTable<Schemas['PlanView']>
        queryKey={['inspection-plans']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/inspection-plans', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        columns={[
          { title: t('name'), key: 'name', render: (_, p) => <Link to={`/inspections/plans/${p.id}`}>{p.name}</Link> },
          { title: t('year'), dataIndex: 'year' },
          { title: t('status'), dataIndex: 'status', render: (s: Schemas['PlanView']['status']) => <PlanStatusTag status={s} /> },
          { title: t('populationSize'), dataIndex: 'populationSize', render: (n: number | null) => n ?? '—' },
          { title: t('committedAt'), dataIndex: 'committedAt', render: (d: string | null) => formatDateTime(d) },
          { title: t('drawnAt'), dataIndex: 'drawnAt', render: (d: string | null) => formatDateTime(d) },
        ]}
      />
      {creating && <NewPlan onClose={() => setCreating(false)} />}
    </>
  );
}

type PlanForm = Omit<Schemas['CreatePlanDto'], 'rates'> & { A: number; B: number; C: number; D: number };

function NewPlan({ onClose }: { onClose: () => void }) {
  const t = useT(planMessages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanForm>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const matters = useQuery({
    queryKey: ['inspection-matters', 'options'],
    queryFn: () => allPages((page) => unwrap(api.GET('/api/v1/inspection-matters', { params: { query: { page, pageSize: 100 } } }))),
  });
  const create = useMutation({
    mutationFn: (body: Schemas['CreatePlanDto']) => unwrap(api.POST('/api/v1/inspection-plans', { body })),
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: ['inspection-plans'] });
      onClose();
      void navigate(`/inspections/plans/${plan.id}`);
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('newPlan')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), A: 100, B: 50, C: 20, D: 5, inspectorsPerTarget: 2 }}
        onFinish={({ A, B, C, D, ...v }) => {
          refusal.clear();
          create.mutate({ ...v, rates: { A, B, C, D } });
        }}
      >
        <Form.Item name="name" label={t('name')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('year')} rules={required}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="matterIds" label={t('matters')} rules={required}>
          <Select
            mode="multiple"
            loading={matters.isFetching}
            options={(matters.data ?? []).map((m) => ({ value: m.id, label: `${m.code} ${nameIn(language, m.nameZh, m.nameEn)}` }))}
          />
        </Form.Item>
        <Space wrap>
          {(['A', 'B', 'C', 'D'] as const).map((c) => (
            <Form.Item key={c} name={c} label={t('rateOf', { c })} rules={required}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="inspectorsPerTarget" label={t('inspectorsPerTarget')} rules={required}>
          <InputNumber min={2} max={10} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
