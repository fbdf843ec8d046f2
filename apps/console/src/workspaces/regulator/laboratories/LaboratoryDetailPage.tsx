import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { dayjs, inShenzhen } from '../../../shared/dates';
import { FormModal } from '../../../shared/FormModal';
import { PageSkeleton } from '../../../shared/PageSkeleton';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { ErrorState } from '../../../shared/states';
import { StatusTag } from '../../../shared/StatusTag';
import { nameIn } from '../common';

const messages = defineMessages({
  zh: {
    cnasNumber: 'CNAS 认可编号',
    nameZh: '中文名称',
    nameEn: '英文名称',
    address: '地址',
    validity: '认可有效期',
    status: '状态',
    scope: '认可范围',
    objectTested: '检测对象',
    parameter: '项目/参数',
    standard: '标准（方法）',
    clause: '条款',
    wholeStandard: '全部',
    limits: '限制范围',
    suspend: '记录暂停认可',
    reinstate: '记录恢复认可',
    withdraw: '记录撤销认可',
    confirm: '确定？',
    suspensions: '暂停认可记录',
    noSuspensions: '无暂停记录',
    suspendedFrom: '暂停之日',
    reinstatedFrom: '恢复认可之日',
    ongoing: '尚未恢复',
    reason: '原因',
    suspendTitle: '记录 CNAS 暂停 {lab} 的认可',
    suspendExplain: '日期在暂停之日及以后的检测报告将不被接受；暂停之前出具的报告仍然有效。',
    suspendFrom: '暂停之日（CNAS 决定的暂停起始日）',
    reinstateTitle: '记录 CNAS 恢复 {lab} 的认可',
    reinstateExplain: '暂停期间（{from} 起至恢复前一日）出具的检测报告，恢复后仍不被接受。',
    reinstateFrom: '恢复认可之日（恢复后的第一天）',
    required: '请填写此项',
    save: '记录',
  },
  en: {
    cnasNumber: 'CNAS number',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    address: 'Address',
    validity: 'Accredited',
    status: 'Status',
    scope: 'Scope of accreditation',
    objectTested: 'Object',
    parameter: 'Parameter',
    standard: 'Standard (method)',
    clause: 'Clause',
    wholeStandard: 'whole',
    limits: 'Limits',
    suspend: 'Record a suspension',
    reinstate: 'Record a reinstatement',
    withdraw: 'Record a withdrawal',
    confirm: 'Are you sure?',
    suspensions: 'Suspensions',
    noSuspensions: 'Never suspended',
    suspendedFrom: 'Suspended from',
    reinstatedFrom: 'Accredited again from',
    ongoing: 'ongoing',
    reason: 'Reason',
    suspendTitle: 'Record that CNAS suspended {lab}',
    suspendExplain: 'Test reports dated from this day on are refused; reports from before it still stand.',
    suspendFrom: 'Suspended from (the first day, as CNAS decided)',
    reinstateTitle: 'Record that CNAS reinstated {lab}',
    reinstateExplain: 'Reports dated within the suspension (from {from} to the day before reinstatement) stay refused after it.',
    reinstateFrom: 'Accredited again from (the first day)',
    required: 'Please fill this in',
    save: 'Record',
  },
});

type Action = 'suspend' | 'reinstate' | 'withdraw';
type Laboratory = Schemas['LaboratoryView'];

/** Today on Shenzhen's calendar: the API refuses a suspension or reinstatement dated after it. */
const shenzhenToday = () => dayjs(inShenzhen(new Date()).format('YYYY-MM-DD'));
const afterToday = (day: Dayjs) => day.format('YYYY-MM-DD') > shenzhenToday().format('YYYY-MM-DD');

export default function LaboratoryDetailPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { language } = useLanguage();
  const client = useQueryClient();
  const refusal = useRefusal();
  const query = useQuery({ queryKey: ['laboratories', id], queryFn: () => unwrap(api.GET('/api/v1/laboratories/{id}', { params: { path: { id } } })) });
  const [dialog, setDialog] = useState<'suspend' | 'reinstate' | null>(null);
  // Withdrawal takes no body: confirmed in place. Suspension and reinstatement take a day (and a reason): a dialog.
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/laboratories/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => {
      refusal.clear();
      void client.invalidateQueries({ queryKey: ['laboratories'] });
    },
    onError: refusal.onError,
  });
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageSkeleton />;
  const lab = query.data;
  const actions = lab.allowedActions.filter((a): a is Action => a !== 'edit');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {lab.cnasNumber} {nameIn(language, lab.nameZh, lab.nameEn)}
      </Typography.Title>
      <RefusalAlert refusal={refusal.refusal} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('cnasNumber')}>{lab.cnasNumber}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <StatusTag family="laboratory" status={lab.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('nameZh')}>{lab.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('nameEn')}>{lab.nameEn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('address')}>{lab.address}</Descriptions.Item>
        <Descriptions.Item label={t('validity')}>
          {lab.accreditedFrom} – {lab.accreditedUntil}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 16 }}>
        {actions.map((a) =>
          a === 'withdraw' ? (
            <Popconfirm key={a} title={t('confirm')} onConfirm={() => withdraw.mutate()}>
              <Button danger loading={withdraw.isPending}>
                {t(a)}
              </Button>
            </Popconfirm>
          ) : (
            <Button key={a} onClick={() => setDialog(a)}>
              {t(a)}
            </Button>
          ),
        )}
      </Space>
      {dialog === 'suspend' && <Suspend lab={lab} onClose={() => setDialog(null)} />}
      {dialog === 'reinstate' && <Reinstate lab={lab} onClose={() => setDialog(null)} />}
      <Table<Schemas['LaboratorySuspensionView']>
        rowKey="from"
        size="small"
        pagination={false}
        title={() => t('suspensions')}
        locale={{ emptyText: t('noSuspensions') }}
        style={{ marginBottom: 16 }}
        dataSource={lab.suspensions}
        columns={[
          { title: t('suspendedFrom'), dataIndex: 'from' },
          { title: t('reinstatedFrom'), dataIndex: 'until', render: (u: string | null) => u ?? <Typography.Text strong>{t('ongoing')}</Typography.Text> },
          { title: t('reason'), dataIndex: 'reason' },
        ]}
      />
      <Table<Schemas['ScopeLineView']>
        rowKey="id"
        size="small"
        pagination={false}
        title={() => t('scope')}
        dataSource={lab.scopeLines}
        columns={[
          { title: t('objectTested'), dataIndex: 'objectTested' },
          { title: t('parameter'), key: 'parameter', render: (_, s) => nameIn(language, s.parameterZh, s.parameterEn) },
          { title: t('standard'), dataIndex: 'standardCode' },
          { title: t('clause'), dataIndex: 'clause', render: (c: string | null) => c ?? t('wholeStandard') },
          { title: t('limits'), dataIndex: 'limits', render: (l: string | null) => l ?? '—' },
        ]}
      />
    </>
  );
}

interface SuspendValues {
  from: Dayjs;
  reason: string;
}

/** CNAS suspended the laboratory: from which day (today unless changed) and why. */
function Suspend({ lab, onClose }: { lab: Laboratory; onClose: () => void }) {
  const t = useT(messages);
  return (
    <FormModal<SuspendValues>
      title={t('suspendTitle', { lab: lab.cnasNumber })}
      okText={t('save')}
      danger
      refresh={['laboratories']}
      onClose={onClose}
      initialValues={{ from: shenzhenToday() }}
      send={(v) =>
        unwrap(
          api.POST('/api/v1/laboratories/{id}/suspend', {
            params: { path: { id: lab.id } },
            body: { from: v.from.format('YYYY-MM-DD'), reason: v.reason.trim() },
          }),
        )
      }
    >
      <Typography.Paragraph>{t('suspendExplain')}</Typography.Paragraph>
      <Form.Item name="from" label={t('suspendFrom')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker disabledDate={afterToday} format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** CNAS reinstated it: the first day accredited again (today unless changed), after the open suspension's first day. */
function Reinstate({ lab, onClose }: { lab: Laboratory; onClose: () => void }) {
  const t = useT(messages);
  const open = lab.suspensions.find((s) => s.until === null);
  return (
    <FormModal<{ from: Dayjs }>
      title={t('reinstateTitle', { lab: lab.cnasNumber })}
      okText={t('save')}
      refresh={['laboratories']}
      onClose={onClose}
      initialValues={{ from: shenzhenToday() }}
      send={(v) => unwrap(api.POST('/api/v1/laboratories/{id}/reinstate', { params: { path: { id: lab.id } }, body: { from: v.from.format('YYYY-MM-DD') } }))}
    >
      {open && <Typography.Paragraph>{t('reinstateExplain', { from: open.from })}</Typography.Paragraph>}
      <Form.Item name="from" label={t('reinstateFrom')} rules={[{ required: true, message: t('required') }]}>
        <DatePicker disabledDate={(d) => afterToday(d) || (!!open && d.format('YYYY-MM-DD') <= open.from)} format="YYYY-MM-DD" />
      </Form.Item>
    </FormModal>
  );
}
