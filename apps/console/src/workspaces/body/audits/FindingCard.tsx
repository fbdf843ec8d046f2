import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Tag, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { formatDateTime } from '../../../shared/dates';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { EvidenceUpload, evidenceFileIds, type EvidenceFile } from '../../../shared/evidence/EvidenceUpload';
import { applyFieldErrors } from '../../../shared/form-errors';
import { fieldsIn } from '../../../api/field-sentences';
import type { FindingBody, FindingDraft } from './finding-drafts';
import { LaboratoryPicker } from './LaboratoryPicker';

type ChecklistItem = Schemas['ChecklistItem'];

const messages = defineMessages({
  zh: {
    measured: '测量值',
    result: '检验结果',
    pass: '合格',
    fail: '不合格',
    limits: '限值：{limits}',
    noLimits: '无限值',
    within: '在限值内：合格',
    outside: '超出限值：不合格',
    laboratoryName: '检测实验室',
    cnasNumber: 'CNAS 认可编号',
    reportNumber: '检测报告编号',
    reportDate: '检测报告日期',
    recognised: '互认报告：{party}（{body}）',
    note: '备注',
    report: '检测报告文件',
    save: '保存该项',
    saved: '已发送（{at}）',
    kept: '已保存在本设备，尚未发送',
    keptAt: '已保存在本设备，尚未发送（{at}），联网后自动发送',
    refusedLater: '稍后发送时被拒绝：{sentence}',
    discard: '丢弃本设备上的草稿',
    notRecorded: '尚未记录',
    recordedPass: '已记录：合格',
    recordedFail: '已记录：不合格',
    critical: '关键项',
    required: '必填',
    cnasPattern: '格式如 CNAS L0235',
    fieldsRefused: '以下内容未被接受：{fields}',
  },
  en: {
    measured: 'Measured value',
    result: 'Result',
    pass: 'Pass',
    fail: 'Fail',
    limits: 'Limits: {limits}',
    noLimits: 'no limits',
    within: 'Within the limits: pass',
    outside: 'Outside the limits: fail',
    laboratoryName: 'Testing laboratory',
    cnasNumber: 'CNAS accreditation number',
    reportNumber: 'Test report number',
    reportDate: 'Test report date',
    recognised: 'Recognised report: {party} ({body})',
    note: 'Note',
    report: 'Test report file',
    save: 'Save this finding',
    saved: 'Sent ({at})',
    kept: 'Saved on this device, not yet sent',
    keptAt: 'Saved on this device, not yet sent ({at}); it is sent when the network is back',
    refusedLater: 'Refused when it was sent later: {sentence}',
    discard: 'Discard the draft on this device',
    notRecorded: 'Not recorded yet',
    recordedPass: 'Recorded: pass',
    recordedFail: 'Recorded: fail',
    critical: 'Critical',
    required: 'Required',
    cnasPattern: 'Like CNAS L0235',
    fieldsRefused: 'Not accepted: {fields}',
  },
});

/** The bounds as people read them: "60 – 80 dB", "≤ 0.1 mg/kg". */
export function limitsText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string | undefined {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min != null && item.max != null) return `${item.min} – ${item.max}${unit}`;
  if (item.min != null) return `≥ ${item.min}${unit}`;
  if (item.max != null) return `≤ ${item.max}${unit}`;
  return undefined;
}

/** The same rule as the API's: inclusive bounds, a missing bound does not limit. */
export const withinBounds = (value: number, min: number | null, max: number | null): boolean => (min == null || value >= min) && (max == null || value <= max);

interface FormValues {
  measuredValue?: number | null;
  passed?: boolean;
  laboratoryName?: string;
  cnasNumber?: string;
  reportNumber?: string;
  reportDate?: string;
  note?: string;
  evidence?: UploadFile<EvidenceFile>[];
}

/** One requirement of the checklist and its finding, as the auditor records it on a tablet. */
export function FindingCard({
  item,
  editable,
  draft,
  onSave,
  onDiscard,
  laboratory,
}: {
  item: ChecklistItem;
  /** The laboratory of the audit's latest finding: most findings of an audit come from one test report's laboratory. */
  laboratory?: { laboratoryName: string | null; cnasNumber: string | null; reportDate: string | null };
  editable: boolean;
  draft: FindingDraft | undefined;
  onSave: (body: FindingBody) => Promise<'sent' | 'kept'>;
  onDiscard: () => void;
}) {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const finding = item.finding;
  const source = draft?.body ?? finding;
  const measured = item.kind === 'measured';
  const typed = Form.useWatch('measuredValue', form);
  const limits = limitsText(item);
  const text = language === 'en' && item.textEn ? item.textEn : item.textZh;

  const submit = async (values: FormValues) => {
    setRefusal(undefined);
    const uploaded = evidenceFileIds(values.evidence);
    const body: FindingBody = {
      ...(measured ? { measuredValue: values.measuredValue ?? undefined } : { passed: values.passed }),
      laboratoryName: values.laboratoryName?.trim() ?? '',
      cnasNumber: values.cnasNumber?.trim() ?? '',
      reportNumber: values.reportNumber?.trim() ?? '',
      reportDate: values.reportDate ?? '',
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      // Given, the finding's files become exactly these: keep the files already attached.
      ...(uploaded.length ? { evidenceFileIds: [...(finding?.evidenceFiles ?? []).map((f) => f.id), ...uploaded] } : {}),
    };
    setSaving(true);
    try {
      const result = await onSave(body);
      if (result === 'sent') form.setFieldValue('evidence', []);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const rest = applyFieldErrors(form, error, language);
        setRefusal(rest.length ? t('fieldsRefused', { fields: rest.map((f) => `${f.field}: ${f.reasons.join(', ')}`).join('; ') }) : sentence(error));
      } else setRefusal(sentence(error));
    } finally {
      setSaving(false);
    }
  };

  let state;
  if (draft && !draft.refusal) state = <Tag color="warning">{t('keptAt', { at: formatDateTime(draft.savedAt) })}</Tag>;
  else if (finding) state = <Tag color={finding.passed ? 'success' : 'error'}>{finding.passed ? t('recordedPass') : t('recordedFail')}</Tag>;
  else state = <Tag>{t('notRecorded')}</Tag>;

  const live =
    measured && typeof typed === 'number' ? (
      withinBounds(typed, item.min, item.max) ? (
        <Tag color="success" role="status">
          {t('within')}
        </Tag>
      ) : (
        <Tag color="error" role="status">
          {t('outside')}
        </Tag>
      )
    ) : null;

  return (
    <Card
      size="small"
      role="group"
      aria-label={`${item.clause} ${text}`}
      title={
        <Space wrap size={4}>
          <Typography.Text strong>{item.clause}</Typography.Text>
          {item.critical && <Tag color="red">{t('critical')}</Tag>}
        </Space>
      }
      extra={state}
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{text}</Typography.Paragraph>
      {finding?.recognised && (
        <Typography.Paragraph>
          <Tag color="blue">{t('recognised', { party: finding.recognised.agreementParty, body: finding.recognised.issuingBody })}</Tag>
        </Typography.Paragraph>
      )}
      {measured && <Typography.Paragraph type="secondary">{t('limits', { limits: limits ?? t('noLimits') })}</Typography.Paragraph>}
      {draft?.refusal && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('refusedLater', { sentence: sentence(new ApiError(draft.refusal.status, draft.refusal.code, draft.refusal.message, draft.refusal.fields)) })}
          description={
            fieldsIn(language, draft.refusal.fields)
              .map((f) => `${f.field}: ${f.reasons.join(', ')}`)
              .join('; ') || undefined
          }
          action={
            <Button size="small" onClick={onDiscard}>
              {t('discard')}
            </Button>
          }
        />
      )}
      {refusal && <Alert type="error" role="alert" showIcon style={{ marginBottom: 12 }} title={refusal} />}
      <Form<FormValues>
        form={form}
        // Every card is a form of its own: the name keeps the fields' ids (and their labels) apart.
        name={`finding-${item.requirementId}`}
        layout="vertical"
        size="large"
        disabled={!editable}
        onFinish={(values) => void submit(values)}
        initialValues={{
          measuredValue: source?.measuredValue ?? undefined,
          passed: source?.passed ?? undefined,
          laboratoryName: (source ? source.laboratoryName : laboratory?.laboratoryName) ?? undefined,
          cnasNumber: (source ? source.cnasNumber : laboratory?.cnasNumber) ?? undefined,
          reportNumber: source?.reportNumber ?? undefined,
          reportDate: (source ? source.reportDate : laboratory?.reportDate) ?? undefined,
          note: source?.note ?? undefined,
          evidence: [],
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {measured ? (
              <Form.Item label={t('measured')} required>
                <Space wrap align="center">
                  <Form.Item name="measuredValue" noStyle rules={[{ required: true, message: t('required') }]}>
                    <InputNumber
                      aria-label={`${t('measured')} (${item.unit ?? ''})`}
                      suffix={item.unit ?? undefined}
                      inputMode="decimal"
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  {live}
                </Space>
              </Form.Item>
            ) : (
              <Form.Item name="passed" label={t('result')} rules={[{ required: true, message: t('required') }]}>
                <Radio.Group optionType="button" buttonStyle="solid">
                  <Radio.Button value={true}>{t('pass')}</Radio.Button>
                  <Radio.Button value={false}>{t('fail')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="laboratoryName" label={t('laboratoryName')} rules={[{ required: true, min: 2, message: t('required') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="cnasNumber" label={t('cnasNumber')} rules={[{ required: true, pattern: /^(CNAS ?)?L\d{4}$/i, message: t('cnasPattern') }]}>
              <LaboratoryPicker onPick={(lab) => form.setFieldValue('laboratoryName', lab.nameZh)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reportNumber" label={t('reportNumber')} rules={[{ required: true, message: t('required') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reportDate" label={t('reportDate')} rules={[{ required: true, message: t('required') }]}>
              <Input type="date" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={t('note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          {editable && (
            <Col span={24}>
              <Form.Item name="evidence" label={t('report')} valuePropName="value">
                <EvidenceUpload max={10} />
              </Form.Item>
            </Col>
          )}
          {!!finding?.evidenceFiles.length && (
            <Col span={24} style={{ marginBottom: 12 }}>
              <EvidenceList files={finding.evidenceFiles} />
            </Col>
          )}
        </Row>
        {editable && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('save')} {item.clause}
            </Button>
            {finding && !draft && <Typography.Text type="secondary">{t('saved', { at: formatDateTime(finding.recordedAt) })}</Typography.Text>}
          </Space>
        )}
      </Form>
    </Card>
  );
}
