import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AGREEMENT_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { StatusTag } from '../../../shared/StatusTag';

const messages = defineMessages({
  zh: {
    title: '企业提交的互认报告',
    caption: '采信后代替新检测，成为该条款的记录',
    clause: '条款',
    agreement: '互认协议',
    report: '报告',
    result: '结果',
    pass: '合格',
    fail: '不合格',
    status: '状态',
    accept: '采信',
    refuse: '不予采信',
    reason: '理由（企业可见）',
    required: '请填写理由',
    cancel: '取消',
  },
  en: {
    title: 'Recognised reports presented by the enterprise',
    caption: 'Accepted, a report stands in for a new test and becomes the finding of its clause',
    clause: 'Clause',
    agreement: 'Agreement',
    report: 'Report',
    result: 'Result',
    pass: 'Pass',
    fail: 'Fail',
    status: 'Status',
    accept: 'Accept',
    refuse: 'Refuse',
    reason: 'Reason (the enterprise sees it)',
    required: 'Please give the reason',
    cancel: 'Cancel',
  },
});

type Report = Schemas['RecognisedReportView'];

/** The audit's recognised reports (互认), for its auditors to accept in place of a new test or refuse with a reason. */
export function RecognisedReports({ auditId, editable }: { auditId: string; editable: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const queries = useQueryClient();
  const refusal = useRefusal();
  const [refusing, setRefusing] = useState<Report>();
  const query = useQuery({
    queryKey: ['audit', auditId, 'recognised-reports'],
    queryFn: () => unwrap(api.GET('/api/v1/audits/{id}/recognised-reports', { params: { path: { id: auditId } } })),
  });
  const accept = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/recognised-reports/{id}/accept', { params: { path: { id } } })),
    onSuccess: () => {
      refusal.clear();
      void queries.invalidateQueries({ queryKey: ['audit', auditId] });
    },
    onError: refusal.onError,
  });
  if (!query.data?.length) return null;
  return (
    <section aria-labelledby="recognised-title" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} id="recognised-title" style={{ fontSize: 18 }}>
        {t('title')}
      </Typography.Title>
      <RefusalAlert refusal={refusal.refusal} />
      <Table<Report>
        rowKey="id"
        size="small"
        pagination={false}
        title={() => t('caption')}
        dataSource={query.data}
        columns={[
          { title: t('clause'), dataIndex: 'clause' },
          {
            title: t('agreement'),
            key: 'agreement',
            render: (_, r) => `${r.agreement.party}（${labelOf(AGREEMENT_KIND_LABELS, r.agreement.kind, language)}）`,
          },
          { title: t('report'), key: 'report', render: (_, r) => `${r.issuingBody} ${r.reportNumber}，${r.reportDate}` },
          { title: t('result'), key: 'result', render: (_, r) => (r.measuredValue ?? (r.passed ? t('pass') : t('fail'))) as string | number },
          {
            title: t('status'),
            key: 'status',
            render: (_, r) => (
              <>
                <StatusTag family="recognisedReport" status={r.status} />
                {r.refusalReason && <Typography.Text type="secondary">{r.refusalReason}</Typography.Text>}
              </>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              editable &&
              r.status === 'presented' && (
                <Space>
                  <Button size="small" type="primary" loading={accept.isPending && accept.variables === r.id} onClick={() => accept.mutate(r.id)}>
                    {t('accept')} {r.clause}
                  </Button>
                  <Button size="small" onClick={() => setRefusing(r)}>
                    {t('refuse')} {r.clause}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {refusing && <RefuseReport report={refusing} auditId={auditId} onClose={() => setRefusing(undefined)} />}
    </section>
  );
}

function RefuseReport({ report, auditId, onClose }: { report: Report; auditId: string; onClose: () => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<{ reason: string }>();
  const refusal = useRefusal(form);
  const queries = useQueryClient();
  const refuse = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/v1/recognised-reports/{id}/refuse', { params: { path: { id: report.id } }, body: { reason } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['audit', auditId] });
      onClose();
    },
    onError: refusal.onError,
  });
  return (
    <Modal
      open
      title={`${t('refuse')} ${report.clause}`}
      onCancel={onClose}
      okText={t('refuse')}
      cancelText={t('cancel')}
      confirmLoading={refuse.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form form={form} layout="vertical" onFinish={(v) => refuse.mutate(v.reason.trim())}>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
