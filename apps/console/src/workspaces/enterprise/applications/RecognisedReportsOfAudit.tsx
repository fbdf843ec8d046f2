import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { allPages } from '../../../api/all-pages';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AGREEMENT_KIND_LABELS, labelOf } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { ActionAlert, RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { StatusTag } from '../../../shared/StatusTag';
import { Wrapped } from '../../../shared/Wrapped';

const messages = defineMessages({
  zh: {
    title: '互认报告',
    hint: '按互认协议取得的检测报告，审核员采信后代替该条款的新检测。',
    present: '提交互认报告',
    clause: '条款',
    agreement: '互认协议',
    report: '报告',
    resultOf: '结果：{result}',
    reportLine: '{body} {number}，{date}',
    pass: '合格',
    fail: '不合格',
    status: '状态',
    requirement: '对应条款',
    issuingBody: '出具报告的机构',
    reportNumber: '报告编号',
    reportDate: '报告日期',
    measuredValue: '测得值',
    measuredIn: '测得值（{unit}）',
    agreementOf: '{party}（{kind}）',
    agreementOption: '{party}（{kind}，{region}）',
    passed: '报告结论',
    submit: '提交',
    cancel: '取消',
    required: '请填写此项',
    withdraw: '撤回',
    withdrawOf: '撤回第 {clause} 条的互认报告 {number}',
    withdrawConfirm: '撤回后审核员不再处理此报告，该条款可另行提交。确定撤回？',
  },
  en: {
    title: 'Recognised reports',
    hint: 'A test report obtained under a recognition agreement: accepted by the auditor, it stands in for a new test of its clause.',
    present: 'Present a recognised report',
    clause: 'Clause',
    agreement: 'Agreement',
    report: 'Report',
    resultOf: 'Result: {result}',
    reportLine: '{body} {number}, {date}',
    pass: 'Pass',
    fail: 'Fail',
    status: 'Status',
    requirement: 'Clause it covers',
    issuingBody: 'Issued by',
    reportNumber: 'Report number',
    reportDate: 'Report date',
    measuredValue: 'Measured value',
    measuredIn: 'Measured value ({unit})',
    agreementOf: '{party} ({kind})',
    agreementOption: '{party} ({kind}, {region})',
    passed: "The report's result",
    submit: 'Present',
    cancel: 'Cancel',
    required: 'Please fill this in',
    withdraw: 'Withdraw',
    withdrawOf: 'Withdraw the recognised report {number} of clause {clause}',
    withdrawConfirm: 'Once withdrawn, the auditor no longer considers this report, and another can be presented for its clause. Withdraw it?',
  },
});

type Audit = Schemas['AuditView'];
type Report = Schemas['RecognisedReportView'];

/** The API takes a report while the audit is planned or in progress; afterwards the list is what remains. */
const OPEN_STATUSES: Audit['status'][] = ['planned', 'in_progress'];

/**
 * The recognised reports (互认) the enterprise presented for one audit, with the auditor's answer,
 * and the form to present another.
 */
export function RecognisedReportsOfAudit({ audit }: { audit: Audit }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const [presenting, setPresenting] = useState(false);
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/recognised-reports/{id}/withdraw', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['audit', audit.id, 'recognised-reports'] }),
  });
  const reports = useQuery({
    queryKey: ['audit', audit.id, 'recognised-reports'],
    queryFn: () => unwrap(api.GET('/api/v1/audits/{id}/recognised-reports', { params: { path: { id: audit.id } } })),
  });
  const resultOf = (r: Report) => {
    if (r.measuredValue === null) return r.passed ? t('pass') : t('fail');
    const unit = audit.checklist.find((c) => c.requirementId === r.requirementId)?.unit;
    return unit ? `${r.measuredValue} ${unit}` : String(r.measuredValue);
  };
  const canPresent = OPEN_STATUSES.includes(audit.status) && hasRole(session, 'enterprise_admin', 'enterprise_member');
  if (!canPresent && !reports.data?.length) return null;
  const titleId = `recognised-${audit.id}`;
  return (
    <section aria-labelledby={titleId} style={{ marginTop: 12 }}>
      <Typography.Title level={4} id={titleId} style={{ fontSize: 14 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {Boolean(reports.data?.length) && (
        <Table<Report>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={reports.data}
          style={{ marginBottom: 12 }}
          // Three columns, the report's details as lines of one: the table fits the half-width audit card.
          columns={[
            { title: t('clause'), dataIndex: 'clause', width: 60 },
            {
              title: t('report'),
              key: 'report',
              render: (_, r) => (
                <Wrapped maxWidth={240}>
                  <div>{t('reportLine', { body: r.issuingBody, number: r.reportNumber, date: r.reportDate })}</div>
                  <Typography.Text type="secondary">
                    {t('agreementOf', { party: r.agreement.party, kind: labelOf(AGREEMENT_KIND_LABELS, r.agreement.kind, language) })}
                  </Typography.Text>
                  <div>{t('resultOf', { result: resultOf(r) })}</div>
                </Wrapped>
              ),
            },
            {
              title: t('status'),
              key: 'status',
              render: (_, r) => (
                <Wrapped maxWidth={140}>
                  <StatusTag family="recognisedReport" status={r.status} />
                  {r.refusalReason && <div>{r.refusalReason}</div>}
                  {canPresent && r.status === 'presented' && (
                    <div>
                      <Popconfirm
                        title={t('withdrawConfirm')}
                        okText={t('withdraw')}
                        cancelText={t('cancel')}
                        onConfirm={() => withdraw.mutate(r.id)}
                        okButtonProps={{ danger: true }}
                      >
                        <Button
                          size="small"
                          type="link"
                          danger
                          style={{ paddingInline: 0 }}
                          loading={withdraw.isPending && withdraw.variables === r.id}
                          aria-label={t('withdrawOf', { clause: r.clause, number: r.reportNumber })}
                        >
                          {t('withdraw')}
                        </Button>
                      </Popconfirm>
                    </div>
                  )}
                </Wrapped>
              ),
            },
          ]}
        />
      )}
      <ActionAlert error={withdraw.error} />
      {canPresent && <Button onClick={() => setPresenting(true)}>{t('present')}</Button>}
      {presenting && <PresentReport audit={audit} onClose={() => setPresenting(false)} />}
    </section>
  );
}

type PresentValues = Schemas['PresentRecognisedReportDto'];

function PresentReport({ audit, onClose }: { audit: Audit; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<PresentValues>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  // Agreements in force only: the API refuses a report under a terminated one (on agreementId).
  const agreements = useQuery({
    queryKey: ['recognition-agreements', { status: 'in_force' }],
    queryFn: () => allPages((page) => unwrap(api.GET('/api/v1/recognition-agreements', { params: { query: { status: 'in_force', page, pageSize: 100 } } }))),
  });
  const requirementId = Form.useWatch('requirementId', form);
  const requirement = audit.checklist.find((c) => c.requirementId === requirementId);
  const present = useMutation({
    mutationFn: (body: PresentValues) => unwrap(api.POST('/api/v1/audits/{id}/recognised-reports', { params: { path: { id: audit.id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['audit', audit.id, 'recognised-reports'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  const text = (c: Audit['checklist'][number]) => (language === 'en' && c.textEn ? c.textEn : c.textZh);
  return (
    <Modal
      open
      title={t('present')}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={present.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form<PresentValues>
        form={form}
        layout="vertical"
        // Every field in the store from the start, so a refusal naming any of them lands under it.
        initialValues={{
          requirementId: undefined,
          agreementId: undefined,
          issuingBody: '',
          reportNumber: '',
          reportDate: '',
          measuredValue: undefined,
          passed: undefined,
        }}
        onFinish={(v) => {
          refusal.clear();
          // A measured clause takes the value, a pass/fail one the result: the other is not sent.
          const { measuredValue, passed, ...rest } = v;
          present.mutate(requirement?.kind === 'measured' ? { ...rest, measuredValue } : { ...rest, passed });
        }}
      >
        <Form.Item name="requirementId" label={t('requirement')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={audit.checklist.map((c) => ({ value: c.requirementId, label: `${c.clause} ${text(c)}` }))}
            onChange={() => form.setFieldsValue({ measuredValue: undefined, passed: undefined })}
          />
        </Form.Item>
        <Form.Item name="agreementId" label={t('agreement')} rules={required}>
          <Select
            loading={agreements.isPending}
            options={agreements.data?.map((a) => ({
              value: a.id,
              label: t('agreementOption', { party: a.party, kind: labelOf(AGREEMENT_KIND_LABELS, a.kind, language), region: a.region }),
            }))}
          />
        </Form.Item>
        <Form.Item name="issuingBody" label={t('issuingBody')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reportNumber" label={t('reportNumber')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reportDate" label={t('reportDate')} rules={required}>
          <Input type="date" />
        </Form.Item>
        {requirement?.kind === 'measured' ? (
          <Form.Item name="measuredValue" label={requirement.unit ? t('measuredIn', { unit: requirement.unit }) : t('measuredValue')} rules={required}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="passed" label={t('passed')} rules={required}>
            <Radio.Group
              options={[
                { value: true, label: t('pass') },
                { value: false, label: t('fail') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
