import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Form, Input, Radio, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { AUDIT_KIND_LABELS, CERTIFICATE_DECISION_LABELS, labelOf } from '../../../i18n/labels';
import { hasRole, useSignedIn } from '../../../session/session';
import { CaseActionForm } from '../../../shared/complaints/CaseActionForm';
import { formatDate, formatDateTime } from '../../../shared/dates';

type Certificate = Schemas['CertificateView'];
type AuditEntry = Certificate['audits'][number];
type Outcome = Schemas['CertificateDecisionDto']['outcome'];

/** The outcomes the contract allows, in the labels' order: a new one is offered once it is named. */
const OUTCOMES = Object.keys(CERTIFICATE_DECISION_LABELS) as Outcome[];

const messages = defineMessages({
  zh: {
    title: '认证决定：{audit}（{date} 不通过）',
    rule: '公正性规则',
    ruleText: '监督或专项审核不通过后，由未参与该审核的认证决定人员决定暂停、缩小范围、撤销或保持证书。该审核的审核员提交时会被拒绝。',
    outcome: '决定',
    outcomeRequired: '请选择决定',
    models: '移出范围的型号',
    modelsRequired: '请选择要移出的型号（不能全部移出：那是撤销）',
    rationale: '决定理由',
    rationaleRequired: '请写明理由',
    submit: '记录认证决定',
    done: '认证决定已记录。',
    awaiting: '{audit}（{date}）不通过，等待认证决定人员作出认证决定。',
    decided: '已作出的认证决定',
    decision: '{audit}（{date}）',
    decidedAt: '决定时间',
  },
  en: {
    title: 'Certificate decision: {audit} (failed {date})',
    rule: 'Impartiality rule',
    ruleText:
      'After a failed surveillance or special audit, a decision maker who was not one of its auditors decides to suspend, reduce the scope of, withdraw or maintain the certificate. Its auditors are refused when they submit.',
    outcome: 'Decision',
    outcomeRequired: 'Choose the decision',
    models: 'Models to take out of the scope',
    modelsRequired: 'Choose the models to take out (not all of them: that is a withdrawal)',
    rationale: 'Rationale',
    rationaleRequired: 'Give the rationale',
    submit: 'Record the certificate decision',
    done: 'The certificate decision is recorded.',
    awaiting: '{audit} ({date}) failed and awaits a decision maker’s certificate decision.',
    decided: 'Certificate decisions taken',
    decision: '{audit} ({date})',
    decidedAt: 'Decided',
  },
});

/**
 * Whether a failed audit awaits a certificate decision: a surveillance or special audit does; a
 * scope extension's special audit leads to its application's decision instead.
 */
const decidedOnFailure = (a: AuditEntry) => (a.kind === 'surveillance' || a.kind === 'special') && a.trigger !== 'scope_extension';

/**
 * The certificate decisions on its failed surveillance and special audits: the form for each one
 * still awaiting a decision (a decision maker's; the API checks they were not its auditor), and
 * the decisions taken, with their rationale.
 */
export function CertificateDecisions({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const session = useSignedIn();
  const failed = certificate.audits.filter((a) => a.status === 'evaluated' && a.outcome === 'failed' && decidedOnFailure(a));
  // Keyed under the certificate: re-reading it after a decision re-reads these too.
  const details = useQueries({
    queries: failed.map((a) => ({
      queryKey: ['certificate', certificate.id, 'audit', a.id],
      queryFn: () => unwrap(api.GET('/api/v1/audits/{id}', { params: { path: { id: a.id } } })),
    })),
  });
  const audits = failed.flatMap((entry, i) => {
    const view = details[i]?.data;
    return view ? [{ entry, decision: view.certificateDecision, evaluatedAt: view.evaluatedAt }] : [];
  });
  const name = (a: AuditEntry, at: string | null) => ({ audit: labelOf(AUDIT_KIND_LABELS, a.kind, language), date: formatDate(at ?? a.plannedOn) });
  const awaiting = audits.filter((a) => !a.decision);
  const decided = audits.flatMap((a) => (a.decision ? [{ ...a, decision: a.decision }] : []));
  const decider = hasRole(session, 'decision_maker');
  const models = [...new Set((certificate.scope.products ?? []).flatMap((p) => p.models))];
  return (
    <>
      {awaiting.map(({ entry, evaluatedAt }) =>
        decider ? (
          <CaseActionForm<{ outcome: Outcome; models?: string[]; rationale: string }>
            key={entry.id}
            name={`certificate-decision-${entry.id}`}
            title={t('title', name(entry, evaluatedAt))}
            submit={t('submit')}
            done={t('done')}
            caseKey={['certificate', certificate.id]}
            before={<Alert type="info" role="note" showIcon title={t('rule')} description={t('ruleText')} style={{ marginBottom: 16 }} />}
            onSubmit={(v) =>
              unwrap(
                api.POST('/api/v1/audits/{id}/certificate-decision', {
                  params: { path: { id: entry.id } },
                  body: { outcome: v.outcome, ...(v.outcome === 'reduce_scope' ? { models: v.models } : {}), rationale: v.rationale.trim() },
                }),
              )
            }
          >
            <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, message: t('outcomeRequired') }]}>
              <Radio.Group options={OUTCOMES.map((o) => ({ value: o, label: CERTIFICATE_DECISION_LABELS[o][language] }))} />
            </Form.Item>
            {/* A reduction names the models that leave the scope; the API refuses all of them (a withdrawal). */}
            <Form.Item noStyle dependencies={['outcome']}>
              {({ getFieldValue }) =>
                getFieldValue('outcome') === 'reduce_scope' && (
                  <Form.Item name="models" label={t('models')} rules={[{ required: true, message: t('modelsRequired') }]}>
                    <Select mode="multiple" options={models.map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item name="rationale" label={t('rationale')} rules={[{ required: true, whitespace: true, message: t('rationaleRequired') }]}>
              <Input.TextArea rows={3} maxLength={4000} showCount />
            </Form.Item>
          </CaseActionForm>
        ) : (
          <Alert key={entry.id} type="warning" showIcon title={t('awaiting', name(entry, evaluatedAt))} style={{ marginBottom: 16 }} />
        ),
      )}
      {decided.length > 0 && (
        <Card size="small" title={t('decided')} style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            {decided.map(({ entry, decision, evaluatedAt }) => (
              <Descriptions.Item key={entry.id} label={<Link to={`/audits/${entry.id}`}>{t('decision', name(entry, evaluatedAt))}</Link>}>
                <span>
                  <Typography.Text strong>{labelOf(CERTIFICATE_DECISION_LABELS, decision.outcome, language)}</Typography.Text>
                  {' · '}
                  {decision.rationale}
                  {' · '}
                  {t('decidedAt')} {formatDateTime(decision.decidedAt)}
                </span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
    </>
  );
}
