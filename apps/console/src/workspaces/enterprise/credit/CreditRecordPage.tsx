import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import {
  ABNORMAL_REASON_LABELS,
  CREDIT_ACTION_OUTCOME_LABELS,
  CREDIT_APPLICATION_KIND_LABELS,
  labelOf,
  LISTING_KIND_LABELS,
  PUBLIC_REASON_LABELS,
} from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { ListingDecisionText } from '../../../shared/credit/ListingDecision';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { QueryState } from '../../../shared/states';
import { FlagTag, StatusTag } from '../../../shared/StatusTag';
import { InspectionResultsCard } from './InspectionResultsCard';

const messages = defineMessages({
  zh: {
    title: '信用记录',
    intro: '本企业被列入经营异常名录或严重违法失信名单的记录、救济途径与期限、认证机构的信用处置、公示的抽查结果，以及移出与信用修复申请。',
    listings: '列入记录',
    list: '名录',
    reason: '列入事由',
    decision: '列入决定与救济途径',
    listedAt: '列入时间',
    status: '状态',
    displayEnded: '已信用修复，不再公示',
    removedAt: '移出',
    actions: '操作',
    apply: '申请移出或信用修复',
    applyFor: '就{list}的列入提出申请',
    kind: '申请事项',
    applyReason: '申请理由',
    corrections: '整改情况及核验方式',
    submit: '提交申请',
    cancel: '取消',
    required: '请填写此项',
    applications: '移出与信用修复申请',
    submittedAt: '提交时间',
    dueOn: '决定期限',
    actionDue: '处置期限',
    decisionReason: '决定理由',
    creditActions: '认证机构的信用处置',
    certificate: '证书',
    body: '认证机构',
    outcome: '处置结果',
    withdrawn: '被撤销的证书',
    withdrawnAt: '撤销时间',
    publicReason: '公开原因',
    none: '无',
  },
  en: {
    title: 'Credit record',
    intro:
      "This enterprise's listings on the abnormal-operations and serious-violation lists, how to appeal and by when, the bodies' credit actions, its published random-inspection results, and its removal and credit repair applications.",
    listings: 'Listings',
    list: 'List',
    reason: 'Listed for',
    decision: 'Decision and appeal route',
    listedAt: 'Listed',
    status: 'Status',
    displayEnded: 'Credit repaired: no longer shown to the public',
    removedAt: 'Removal',
    actions: 'Actions',
    apply: 'Apply for removal or repair',
    applyFor: 'Apply about the listing on the {list}',
    kind: 'Application',
    applyReason: 'Reason',
    corrections: 'What was corrected, and how to check it',
    submit: 'Submit the application',
    cancel: 'Cancel',
    required: 'Please fill this in',
    applications: 'Removal and credit repair applications',
    submittedAt: 'Submitted',
    dueOn: 'Decided by',
    actionDue: 'Due',
    decisionReason: 'Reason of the decision',
    creditActions: "Certification bodies' credit actions",
    certificate: 'Certificate',
    body: 'Certification body',
    outcome: 'Outcome',
    withdrawn: 'Withdrawn certificates',
    withdrawnAt: 'Withdrawn',
    publicReason: 'Public reason',
    none: 'None',
  },
});

type Listing = Schemas['CreditListingView'];

/** The enterprise's own credit record, and its removal and credit repair applications. */
export default function CreditRecordPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const admin = hasRole(session, 'enterprise_admin');
  const [applying, setApplying] = useState<Listing | null>(null);
  const record = useQuery({
    queryKey: ['credit-record', session.user.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/credit-records/{enterpriseId}', { params: { path: { enterpriseId: session.user.organizationId } } })),
  });
  const nameOf = (o: { nameZh: string; nameEn?: string | null }) => (language === 'en' && o.nameEn ? o.nameEn : o.nameZh);
  const empty = { emptyText: t('none') };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <QueryState query={record}>
        {(r) => (
          // A grid column that may shrink: the tables wrap their text inside the page instead of scrolling sideways.
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 16 }}>
            <Card title={t('listings')}>
              <Table<Listing>
                rowKey="id"
                pagination={false}
                locale={empty}
                dataSource={r.listings}
                columns={[
                  { title: t('list'), key: 'kind', width: 120, render: (_, l) => labelOf(LISTING_KIND_LABELS, l.kind, language) },
                  {
                    title: t('reason'),
                    key: 'reason',
                    width: 180,
                    render: (_, l) => (
                      <>
                        {l.reasonCode && <Typography.Text strong>{labelOf(ABNORMAL_REASON_LABELS, l.reasonCode, language)}</Typography.Text>}
                        <div>{l.reason}</div>
                      </>
                    ),
                  },
                  { title: t('decision'), key: 'decision', render: (_, l) => <ListingDecisionText decision={l.decision} /> },
                  { title: t('listedAt'), dataIndex: 'listedAt', width: 110, render: (d: string) => formatDateTime(d) },
                  {
                    title: t('status'),
                    key: 'status',
                    width: 110,
                    render: (_, l) => (
                      <Space size={4} wrap>
                        <StatusTag family="listing" status={l.status} />
                        {!l.publiclyDisplayed && <FlagTag tone="neutral">{t('displayEnded')}</FlagTag>}
                      </Space>
                    ),
                  },
                  {
                    title: t('removedAt'),
                    key: 'removed',
                    render: (_, l) => (l.removedAt ? `${formatDateTime(l.removedAt)} · ${l.removedReason ?? ''}` : '—'),
                  },
                  ...(admin
                    ? [
                        {
                          title: t('actions'),
                          key: 'actions',
                          width: 150,
                          render: (_: unknown, l: Listing) =>
                            l.publiclyDisplayed && (
                              <Button size="small" style={{ whiteSpace: 'normal', height: 'auto' }} onClick={() => setApplying(l)}>
                                {t('apply')}
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title={t('applications')}>
              <Table<Schemas['CreditApplicationView']>
                rowKey="id"
                pagination={false}
                locale={empty}
                dataSource={r.applications}
                columns={[
                  {
                    title: t('kind'),
                    key: 'kind',
                    render: (_, a) => (
                      <>
                        {labelOf(CREDIT_APPLICATION_KIND_LABELS, a.kind, language)}
                        <div>{labelOf(LISTING_KIND_LABELS, a.listingKind, language)}</div>
                      </>
                    ),
                  },
                  { title: t('applyReason'), dataIndex: 'reason', width: 200 },
                  { title: t('submittedAt'), dataIndex: 'submittedAt', render: (d: string) => formatDate(d) },
                  { title: t('dueOn'), dataIndex: 'dueOn' },
                  { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="creditApplication" status={s} /> },
                  { title: t('decisionReason'), key: 'decisionReason', width: 200, render: (_, a) => a.decisionReason ?? '—' },
                ]}
              />
            </Card>
            <Card title={t('creditActions')}>
              <Table<Schemas['CreditActionView']>
                rowKey="id"
                pagination={false}
                locale={empty}
                dataSource={r.creditActions}
                columns={[
                  { title: t('certificate'), key: 'certificate', render: (_, a) => a.certificate.number },
                  { title: t('body'), key: 'body', render: (_, a) => nameOf(a.certificationBody) },
                  { title: t('actionDue'), dataIndex: 'dueOn' },
                  { title: t('status'), dataIndex: 'status', render: (s: string) => <StatusTag family="creditAction" status={s} /> },
                  {
                    title: t('outcome'),
                    key: 'outcome',
                    render: (_, a) => (a.outcome ? `${labelOf(CREDIT_ACTION_OUTCOME_LABELS, a.outcome, language)} · ${formatDate(a.doneAt)}` : '—'),
                  },
                ]}
              />
            </Card>
            <InspectionResultsCard results={r.inspectionResults} />
            <Card title={t('withdrawn')}>
              <Table<Schemas['WithdrawnCertificateView']>
                rowKey="id"
                pagination={false}
                locale={empty}
                dataSource={r.withdrawnCertificates}
                columns={[
                  { title: t('certificate'), dataIndex: 'number' },
                  { title: t('body'), key: 'body', render: (_, c) => nameOf(c.certificationBody) },
                  { title: t('withdrawnAt'), dataIndex: 'withdrawnAt', render: (d: string) => formatDate(d) },
                  {
                    title: t('publicReason'),
                    key: 'publicReason',
                    render: (_, c) => (c.publicReason ? labelOf(PUBLIC_REASON_LABELS, c.publicReason, language) : '—'),
                  },
                ]}
              />
            </Card>
          </div>
        )}
      </QueryState>
      {applying && <Apply listing={applying} onClose={() => setApplying(null)} />}
    </>
  );
}

function Apply({ listing, onClose }: { listing: Listing; onClose: () => void }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Pick<Schemas['CreditApplicationDto'], 'kind' | 'reason' | 'corrections'>>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  // Removal is from the abnormal-operations list only; the API refuses the rest of the rules (a sentence here).
  const kinds = listing.kind === 'abnormal_operations' && listing.status === 'listed' ? (['removal', 'repair'] as const) : (['repair'] as const);
  const submit = useMutation({
    mutationFn: (body: Schemas['CreditApplicationDto']) => unwrap(api.POST('/api/v1/credit-applications', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['credit-record'] });
      onClose();
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={t('applyFor', { list: labelOf(LISTING_KIND_LABELS, listing.kind, language) })}
      onCancel={onClose}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={(v) => {
          refusal.clear();
          submit.mutate({ ...v, listingKind: listing.kind, listingId: listing.id });
        }}
      >
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Radio.Group options={kinds.map((k) => ({ value: k, label: labelOf(CREDIT_APPLICATION_KIND_LABELS, k, language) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('applyReason')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="corrections" label={t('corrections')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
