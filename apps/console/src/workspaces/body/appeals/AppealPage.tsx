import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { hasRole, useSignedIn } from '../../../session/session';
import { CaseActionForm } from '../../../shared/complaints/CaseActionForm';
import { AppealCase } from '../../../shared/appeals/AppealCase';
import { QueryState } from '../../../shared/states';

type Appeal = Schemas['AppealView'];

const messages = defineMessages({
  zh: {
    rationale: '申诉决定理由',
    rule: '公正性规则',
    ruleText: '申诉由未参与被申诉决定的人员审议和决定：作出、审核或审查过该决定的人员不能处理本申诉。提交后系统会核对，不符合时拒绝并说明原因。',
    assign: '指定处理人',
    person: '处理人',
    personRequired: '请选择处理人',
    reason: '说明（可选）',
    assignSubmit: '指定',
    assigned: '已指定处理人。',
    decide: '作出申诉决定',
    outcome: '决定',
    upheld: '申诉成立（撤销原决定）',
    dismissed: '驳回申诉',
    outcomeRequired: '请选择决定',
    rationaleRequired: '请写明理由',
    decideSubmit: '提交申诉决定',
    decided: '申诉决定已记录。',
    notHandler: '本申诉由{name}决定；只有被指定的处理人可以作出决定。',
    youDecide: '您是被指定的处理人。',
  },
  en: {
    rationale: 'Rationale of the appeal decision',
    rule: 'Impartiality rule',
    ruleText:
      'An appeal is considered and decided by someone who took no part in the decision appealed: a person who made, audited or reviewed that decision may not handle the appeal. The platform checks on submission and refuses, saying why.',
    assign: 'Assign who considers it',
    person: 'Person',
    personRequired: 'Choose the person',
    reason: 'Note (optional)',
    assignSubmit: 'Assign',
    assigned: 'The appeal is assigned.',
    decide: 'Decide the appeal',
    outcome: 'Decision',
    upheld: 'Uphold (the decision appealed is reversed)',
    dismissed: 'Dismiss',
    outcomeRequired: 'Choose the decision',
    rationaleRequired: 'Give the rationale',
    decideSubmit: 'Submit the appeal decision',
    decided: 'The appeal decision is recorded.',
    notHandler: 'This appeal is decided by {name}: only the person assigned may decide it.',
    youDecide: 'You are the person assigned.',
  },
});

export default function AppealPage() {
  const { id = '' } = useParams();
  const appeal = useQuery({ queryKey: ['appeal', id], queryFn: () => unwrap(api.GET('/api/v1/appeals/{id}', { params: { path: { id } } })) });
  return <QueryState query={appeal}>{(a) => <AppealCase appeal={a} steps={<AppealSteps appeal={a} />} />}</QueryState>;
}

/** Assigning (cb_admin) and deciding (the person assigned); the impartiality rule stated before either click. */
function AppealSteps({ appeal: a }: { appeal: Appeal }) {
  const t = useT(messages);
  const session = useSignedIn();
  const caseKey = ['appeal', a.id] as const;
  const path = { params: { path: { id: a.id } } };
  const open = a.status === 'lodged' || a.status === 'under_consideration';
  const canAssign = open && hasRole(session, 'cb_admin');
  // Who may consider an appeal: the body's decision makers and admins (the API checks who took part).
  const people = useQuery({
    queryKey: ['users', 'appeal-handlers', session.user.organizationId],
    queryFn: async () => {
      const query = { organizationId: session.user.organizationId, pageSize: 100 };
      const [dms, admins] = await Promise.all([
        unwrap(api.GET('/api/v1/users', { params: { query: { ...query, role: 'decision_maker' } } })),
        unwrap(api.GET('/api/v1/users', { params: { query: { ...query, role: 'cb_admin' } } })),
      ]);
      return [...new Map([...dms.items, ...admins.items].map((u) => [u.id, u])).values()];
    },
    enabled: canAssign,
  });
  if (!open) return null;
  const rule = <Alert type="info" role="note" showIcon title={t('rule')} description={t('ruleText')} style={{ marginBottom: 16 }} />;
  const isHandler = a.handler?.id === session.user.id;
  return (
    <>
      {canAssign && (
        <CaseActionForm<{ handlerId: string; reason?: string }>
          name="assign"
          title={t('assign')}
          submit={t('assignSubmit')}
          done={t('assigned')}
          caseKey={caseKey}
          before={rule}
          onSubmit={(v) => unwrap(api.POST('/api/v1/appeals/{id}/assign', { ...path, body: { ...v, reason: v.reason?.trim() || undefined } }))}
        >
          <Form.Item name="handlerId" label={t('person')} rules={[{ required: true, message: t('personRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={people.isPending}
              options={(people.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.email}` }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('reason')}>
            <Input maxLength={2000} />
          </Form.Item>
        </CaseActionForm>
      )}
      {a.status === 'under_consideration' && hasRole(session, 'decision_maker', 'cb_admin') && (
        <CaseActionForm<{ outcome: 'upheld' | 'dismissed'; rationale: string }>
          name="decide"
          title={t('decide')}
          submit={t('decideSubmit')}
          done={t('decided')}
          caseKey={caseKey}
          before={
            <>
              {!canAssign && rule}
              <Typography.Paragraph strong>{isHandler ? t('youDecide') : t('notHandler', { name: a.handler?.displayName ?? '—' })}</Typography.Paragraph>
            </>
          }
          onSubmit={(v) => unwrap(api.POST('/api/v1/appeals/{id}/decision', { ...path, body: { ...v, rationale: v.rationale.trim() } }))}
        >
          <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, message: t('outcomeRequired') }]}>
            <Radio.Group
              options={[
                { value: 'upheld', label: t('upheld') },
                { value: 'dismissed', label: t('dismissed') },
              ]}
            />
          </Form.Item>
          <Form.Item name="rationale" label={t('rationale')} rules={[{ required: true, whitespace: true, message: t('rationaleRequired') }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </CaseActionForm>
      )}
    </>
  );
}
