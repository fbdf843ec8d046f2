import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { ActionAlert, RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { PageSkeleton } from '../../../shared/PageSkeleton';
import { TONES } from '../../../shared/StatusTag';
import { ErrorState } from '../../../shared/states';
import { Wrapped } from '../../../shared/Wrapped';
import { nameIn } from '../common';
import { PlanStatusTag } from './InspectionPlansPage';

const messages = defineMessages({
  zh: {
    year: '年度',
    status: '状态',
    matters: '抽查事项',
    rates: '抽查比例',
    inspectorsPerTarget: '每个对象的检查人员数',
    populationSize: '检查对象总数',
    fairness: '随机性',
    algorithm: '算法',
    commitment: '种子承诺值',
    seed: '随机种子',
    secret: '保密，抽取时公布',
    when: '承诺 / 抽取时间',
    commit: '承诺随机种子并冻结名录',
    commitConfirm: '承诺后名录和种子不可更改，确定承诺？',
    draw: '抽取',
    publish: '公示检查结果',
    close: '办结',
    publicPage: '公示页面',
    drawTitle: '抽取结果',
    target: '检查对象',
    enterprise: '企业',
    risk: '风险等级',
    inspectors: '检查人员',
    result: '检查结果',
    conforming: '合格',
    nonconforming: '不合格',
    notRecorded: '未录入',
    record: '录入结果',
    recordOf: '录入 {name} 的检查结果',
    outcome: '结论',
    inspectedOn: '检查日期',
    present: '到场检查人员',
    findingMatter: '问题所属事项',
    findingText: '发现的问题',
    save: '保存',
    cancel: '取消',
    required: '请填写此项',
  },
  en: {
    year: 'Year',
    status: 'Status',
    matters: 'Matters',
    rates: 'Sampling rates',
    inspectorsPerTarget: 'Inspectors per target',
    populationSize: 'Targets in the population',
    fairness: 'Randomness',
    algorithm: 'Algorithm',
    commitment: 'Seed commitment',
    seed: 'Seed',
    secret: 'secret until the draw',
    when: 'Committed / drawn',
    commit: 'Commit the seed and freeze the registers',
    commitConfirm: 'Once committed, the registers and the seed cannot change. Commit?',
    draw: 'Draw',
    publish: 'Publish the results',
    close: 'Close',
    publicPage: 'Public page',
    drawTitle: 'The draw',
    target: 'Target',
    enterprise: 'Enterprise',
    risk: 'Risk class',
    inspectors: 'Inspectors',
    result: 'Result',
    conforming: 'Conforming',
    nonconforming: 'Nonconforming',
    notRecorded: 'not recorded',
    record: 'Record the result',
    recordOf: 'Record the result of {name}',
    outcome: 'Outcome',
    inspectedOn: 'Inspected on',
    present: 'Inspectors present',
    findingMatter: 'Matter',
    findingText: 'Finding',
    save: 'Save',
    cancel: 'Cancel',
    required: 'Please fill this in',
  },
});

type Plan = Schemas['PlanView'];
type Drawn = Schemas['DrawnTargetView'];

export default function InspectionPlanPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { language } = useLanguage();
  const client = useQueryClient();
  const [recording, setRecording] = useState<Drawn | null>(null);
  const query = useQuery({ queryKey: ['inspection-plan', id], queryFn: () => unwrap(api.GET('/api/v1/inspection-plans/{id}', { params: { path: { id } } })) });
  const step = useMutation({
    mutationFn: (action: 'commit' | 'draw' | 'publish-results' | 'close') =>
      unwrap(api.POST(`/api/v1/inspection-plans/{id}/${action}`, { params: { path: { id } } })),
    onSuccess: (plan) => {
      client.setQueryData(['inspection-plan', id], plan);
      void client.invalidateQueries({ queryKey: ['inspection-plans'] });
    },
  });
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageSkeleton />;
  const plan: Plan = query.data;
  const label = (d: Drawn) => (d.kind === 'holder' ? nameIn(language, d.enterprise.nameZh, d.enterprise.nameEn) : d.label);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {plan.name}
      </Typography.Title>
      <ActionAlert error={step.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        {plan.status === 'draft' && (
          <Button type="primary" loading={step.isPending} onClick={() => Modal.confirm({ title: t('commitConfirm'), onOk: () => step.mutateAsync('commit') })}>
            {t('commit')}
          </Button>
        )}
        {plan.status === 'committed' && (
          <Button type="primary" loading={step.isPending} onClick={() => step.mutate('draw')}>
            {t('draw')}
          </Button>
        )}
        {plan.status === 'drawn' && (
          <Button type="primary" loading={step.isPending} onClick={() => step.mutate('publish-results')}>
            {t('publish')}
          </Button>
        )}
        {plan.status === 'results_recorded' && (
          <Button loading={step.isPending} onClick={() => step.mutate('close')}>
            {t('close')}
          </Button>
        )}
        {plan.status !== 'draft' && (
          <Typography.Link href={`/inspections/${plan.id}?lang=${language}`} target="_blank">
            {t('publicPage')}
          </Typography.Link>
        )}
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={1}
          items={[
            { key: 'status', label: t('status'), children: <PlanStatusTag status={plan.status} /> },
            { key: 'year', label: t('year'), children: plan.year },
            { key: 'matters', label: t('matters'), children: plan.matters.map((m) => `${m.code} ${nameIn(language, m.nameZh, m.nameEn)}`).join('；') },
            { key: 'rates', label: t('rates'), children: `A ${plan.rates.A}% · B ${plan.rates.B}% · C ${plan.rates.C}% · D ${plan.rates.D}%` },
            { key: 'ipt', label: t('inspectorsPerTarget'), children: plan.inspectorsPerTarget },
            { key: 'population', label: t('populationSize'), children: plan.populationSize ?? '—' },
          ]}
        />
      </Card>
      {plan.commitment && (
        <Card title={t('fairness')} style={{ marginBottom: 16 }}>
          <Descriptions
            column={1}
            items={[
              { key: 'algorithm', label: t('algorithm'), children: plan.algorithm },
              {
                key: 'commitment',
                label: t('commitment'),
                children: (
                  <Typography.Text code copyable>
                    {plan.commitment}
                  </Typography.Text>
                ),
              },
              {
                key: 'seed',
                label: t('seed'),
                children: plan.seed ? (
                  <Typography.Text code copyable>
                    {plan.seed}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('secret')}</Typography.Text>
                ),
              },
              {
                key: 'committed',
                label: t('when'),
                children: `${formatDateTime(plan.committedAt)}${plan.drawnAt ? ` → ${formatDateTime(plan.drawnAt)}` : ''}`,
              },
            ]}
          />
        </Card>
      )}
      {plan.draw.length > 0 && (
        <Card title={t('drawTitle')}>
          <Table<Drawn>
            rowKey="targetId"
            pagination={false}
            dataSource={plan.draw}
            columns={[
              { title: '#', dataIndex: 'position', width: 48 },
              {
                title: t('target'),
                key: 'target',
                render: (_, d) => (
                  <Wrapped maxWidth={260}>
                    {label(d)}
                    {d.kind !== 'holder' && <Typography.Text type="secondary"> · {nameIn(language, d.enterprise.nameZh, d.enterprise.nameEn)}</Typography.Text>}
                    <div>
                      <Typography.Text type="secondary">
                        {t('risk')} {d.riskClass}
                      </Typography.Text>
                    </div>
                  </Wrapped>
                ),
              },
              {
                title: t('inspectors'),
                key: 'inspectors',
                render: (_, d) => <Wrapped maxWidth={220}>{d.inspectors.map((i) => `${i.name}（${i.badgeNumber}）`).join('、')}</Wrapped>,
              },
              {
                title: t('result'),
                key: 'result',
                render: (_, d) =>
                  d.result ? (
                    <Wrapped maxWidth={220}>
                      <Space direction="vertical" size={0}>
                        <Tag style={d.result.outcome === 'conforming' ? TONES.success : TONES.error}>{t(d.result.outcome)}</Tag>
                        <span>{d.result.inspectedOn}</span>
                        {d.result.findings.map((f, n) => (
                          <span key={n}>
                            {f.matterCode}：{f.text}
                          </span>
                        ))}
                      </Space>
                    </Wrapped>
                  ) : plan.status === 'drawn' ? (
                    <Button size="small" aria-label={`${t('record')}：${label(d)}`} onClick={() => setRecording(d)}>
                      {t('record')}
                    </Button>
                  ) : (
                    t('notRecorded')
                  ),
              },
            ]}
          />
        </Card>
      )}
      {recording && <RecordResult plan={plan} target={recording} label={label(recording)} onClose={() => setRecording(null)} />}
    </>
  );
}

interface ResultForm {
  outcome: 'conforming' | 'nonconforming';
  inspectedOn: dayjs.Dayjs;
  inspectorsPresent: string[];
  matterId?: string;
  text?: string;
}

function RecordResult({ plan, target, label, onClose }: { plan: Plan; target: Drawn; label: string; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<ResultForm>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const outcome = Form.useWatch('outcome', form);
  const record = useMutation({
    mutationFn: (body: Schemas['RecordResultDto']) =>
      unwrap(api.POST('/api/v1/inspection-plans/{id}/results/{targetId}', { params: { path: { id: plan.id, targetId: target.targetId } }, body })),
    onSuccess: (updated) => {
      client.setQueryData(['inspection-plan', plan.id], updated);
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('recordOf', { name: label })}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'conforming', inspectedOn: dayjs(), inspectorsPresent: target.inspectors.map((i) => i.id) }}
        onFinish={(v) => {
          refusal.clear();
          record.mutate({
            outcome: v.outcome,
            inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
            inspectorsPresent: v.inspectorsPresent,
            findings: v.outcome === 'nonconforming' && v.matterId && v.text ? [{ matterId: v.matterId, text: v.text }] : [],
          });
        }}
      >
        <Form.Item name="outcome" label={t('outcome')} rules={required}>
          <Select
            options={[
              { value: 'conforming', label: t('conforming') },
              { value: 'nonconforming', label: t('nonconforming') },
            ]}
          />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('inspectedOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="inspectorsPresent" label={t('present')} rules={required}>
          <Checkbox.Group options={target.inspectors.map((i) => ({ value: i.id, label: `${i.name}（${i.badgeNumber}）` }))} />
        </Form.Item>
        {outcome === 'nonconforming' && (
          <>
            <Form.Item name="matterId" label={t('findingMatter')} rules={required}>
              <Select options={plan.matters.map((m) => ({ value: m.id, label: `${m.code} ${nameIn(language, m.nameZh, m.nameEn)}` }))} />
            </Form.Item>
            <Form.Item name="text" label={t('findingText')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
