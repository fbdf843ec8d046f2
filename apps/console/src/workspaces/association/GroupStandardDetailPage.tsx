import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { CaseActionForm } from '../../shared/complaints/CaseActionForm';
import { formatDateTime } from '../../shared/dates';
import { AdvancednessEvaluations } from '../../shared/group-standards/AdvancednessEvaluations';
import { GroupStandardFacts } from '../../shared/group-standards/GroupStandardFacts';
import { GroupStandardHistory } from '../../shared/group-standards/GroupStandardHistory';
import { QueryState } from '../../shared/states';

const messages = defineMessages({
  zh: {
    back: '返回团体标准',
    requirements: '技术要求（条款）',
    requirementsCaption: '标准的条款，按顺序',
    clause: '条款',
    textZh: '要求（中文）',
    kind: '类型',
    measured: '测量值',
    passFail: '合格/不合格',
    unit: '单位',
    min: '下限',
    max: '上限',
    critical: '关键',
    addClause: '添加条款',
    remove: '删除',
    editRequirements: '编辑条款（起草阶段）',
    save: '保存条款',
    saved: '条款已保存',
    note: '说明（记入制定过程）',
    steps: '下一步',
    approve: '立项',
    startDrafting: '开始起草',
    openComment: '公开征求意见',
    commentDays: '征求意见天数（30–90）',
    closeComment: '结束征求意见，进入技术审查',
    returnToDrafting: '退回起草',
    publish: '发布',
    implementationDate: '实施日期',
    startReview: '开始复审',
    confirm: '复审：确认继续有效',
    revise: '复审：修订',
    withdraw: '复审：废止',
    done: '已完成',
    comments: '公众意见',
    noComments: '尚无意见',
    commenter: '提出人',
    answer: '处理',
    reply: '处理说明',
    answerIt: '处理意见',
    answered: '已处理',
    accepted: '采纳',
    partly_accepted: '部分采纳',
    not_accepted: '不采纳',
  },
  en: {
    back: 'Back to group standards',
    requirements: 'Requirements (clauses)',
    requirementsCaption: "The standard's clauses, in order",
    clause: 'Clause',
    textZh: 'Requirement (Chinese)',
    kind: 'Kind',
    measured: 'Measured',
    passFail: 'Pass/fail',
    unit: 'Unit',
    min: 'Min',
    max: 'Max',
    critical: 'Critical',
    addClause: 'Add a clause',
    remove: 'Remove',
    editRequirements: 'Edit the clauses (drafting)',
    save: 'Save clauses',
    saved: 'Clauses saved',
    note: 'Note (kept in the history)',
    steps: 'Next step',
    approve: 'Approve the project',
    startDrafting: 'Start drafting',
    openComment: 'Open for public comment',
    commentDays: 'Days open for comment (30–90)',
    closeComment: 'Close the comment period: technical review',
    returnToDrafting: 'Return to drafting',
    publish: 'Publish',
    implementationDate: 'Implementation date',
    startReview: 'Start the review',
    confirm: 'Review: confirm',
    revise: 'Review: revise',
    withdraw: 'Review: withdraw',
    done: 'Done',
    comments: 'Public comments',
    noComments: 'No comments yet',
    commenter: 'From',
    answer: 'Answer',
    reply: 'Reply',
    answerIt: 'Answer the comment',
    answered: 'Answered',
    accepted: 'Accepted',
    partly_accepted: 'Partly accepted',
    not_accepted: 'Not accepted',
  },
});

type GroupStandard = Schemas['GroupStandardView'];
type Step =
  'approve' | 'start-drafting' | 'open-comment' | 'close-comment' | 'return-to-drafting' | 'publish' | 'start-review' | 'confirm' | 'revise' | 'withdraw';

/** The steps each status offers (the API's machine decides; a refused one is shown where it was taken). */
const STEPS: Record<string, Step[]> = {
  proposed: ['approve'],
  approved: ['start-drafting'],
  drafting: ['open-comment'],
  public_comment: ['close-comment'],
  technical_review: ['publish', 'return-to-drafting'],
  published: ['start-review'],
  review: ['confirm', 'revise', 'withdraw'],
};
const STEP_LABEL: Record<Step, keyof (typeof messages)['zh']> = {
  approve: 'approve',
  'start-drafting': 'startDrafting',
  'open-comment': 'openComment',
  'close-comment': 'closeComment',
  'return-to-drafting': 'returnToDrafting',
  publish: 'publish',
  'start-review': 'startReview',
  confirm: 'confirm',
  revise: 'revise',
  withdraw: 'withdraw',
};

/** A group standard as its association works on it: facts, the step its status offers, clauses while drafting, comments to answer, history. */
export default function GroupStandardDetailPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const key = ['group-standards', id];
  const query = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/group-standards/{id}', { params: { path: { id } } })) });

  const step = (g: GroupStandard, s: Step) => (
    <CaseActionForm<{ note?: string; commentDays?: number; implementationDate?: string }>
      key={s}
      name={`step-${s}`}
      title={t(STEP_LABEL[s])}
      submit={t(STEP_LABEL[s])}
      done={t('done')}
      caseKey={key}
      danger={s === 'withdraw'}
      onSubmit={async (values) => {
        const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
        const path = `/api/v1/group-standards/{id}/${s}` as '/api/v1/group-standards/{id}/approve';
        const next = await unwrap(api.POST(path, { params: { path: { id: g.id } }, body: body as never }));
        // A revision answers with the new version: go to it.
        if (s === 'revise' && next.id !== g.id) navigate(`/group-standards/${next.id}`);
      }}
    >
      {s === 'open-comment' && (
        <Form.Item name="commentDays" label={t('commentDays')}>
          <InputNumber min={30} max={90} placeholder="30" />
        </Form.Item>
      )}
      {s === 'publish' && (
        <Form.Item name="implementationDate" label={t('implementationDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('note')}>
        <Input maxLength={2000} />
      </Form.Item>
    </CaseActionForm>
  );

  return (
    <QueryState query={query}>
      {(g) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/group-standards">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {language === 'en' && g.titleEn ? g.titleEn : g.titleZh}
          </Typography.Title>
          <GroupStandardFacts standard={g} />

          {(STEPS[g.status] ?? []).length > 0 && (
            <section aria-label={t('steps')}>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {t('steps')}
              </Typography.Title>
              {STEPS[g.status].map((s) => step(g, s))}
            </section>
          )}

          <section>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('requirements')}
            </Typography.Title>
            {g.status === 'drafting' ? (
              <CaseActionForm<{ requirements: Schemas['RequirementDto'][] }>
                key={g.requirements.map((r) => r.id).join()}
                name="requirements"
                title={t('editRequirements')}
                submit={t('save')}
                done={t('saved')}
                caseKey={key}
                onSubmit={(body) => unwrap(api.PUT('/api/v1/group-standards/{id}/requirements', { params: { path: { id: g.id } }, body }))}
              >
                <RequirementsEditor initial={g.requirements} />
              </CaseActionForm>
            ) : (
              <Table<Schemas['RequirementView']>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.requirements}
                title={() => t('requirementsCaption')}
                columns={[
                  { title: t('clause'), dataIndex: 'clause' },
                  { title: t('textZh'), dataIndex: 'textZh' },
                  { title: t('kind'), dataIndex: 'kind', render: (k: string) => (k === 'measured' ? t('measured') : t('passFail')) },
                  { title: t('unit'), dataIndex: 'unit', render: (u: string | null) => u ?? '—' },
                  { title: t('min'), dataIndex: 'min', render: (v: number | null) => v ?? '—' },
                  { title: t('max'), dataIndex: 'max', render: (v: number | null) => v ?? '—' },
                  { title: t('critical'), dataIndex: 'critical', render: (c: boolean) => (c ? '✓' : '') },
                ]}
              />
            )}
          </section>

          <section>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('comments')}
            </Typography.Title>
            <List
              bordered
              locale={{ emptyText: <Typography.Text>{t('noComments')}</Typography.Text> }}
              dataSource={g.comments}
              renderItem={(c) => (
                <List.Item style={{ display: 'block' }}>
                  <Typography.Text strong>
                    {t('clause')} {c.clause}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(c.createdAt)} · {t('commenter')}: {[c.commenterName, c.commenterEmail].filter(Boolean).join(' ') || '—'}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0' }}>{c.text}</Typography.Paragraph>
                  {c.answer ? (
                    <Typography.Paragraph type="secondary">
                      {t('answer')}: {t(c.answer)} — {c.reply}
                    </Typography.Paragraph>
                  ) : (
                    (g.status === 'public_comment' || g.status === 'technical_review') && (
                      <CaseActionForm<Schemas['AnswerCommentDto']>
                        name={`answer-${c.id}`}
                        title={t('answerIt')}
                        submit={t('answerIt')}
                        done={t('answered')}
                        caseKey={key}
                        onSubmit={(body) =>
                          unwrap(
                            api.POST('/api/v1/group-standards/{id}/comments/{commentId}/answer', { params: { path: { id: g.id, commentId: c.id } }, body }),
                          )
                        }
                      >
                        <Form.Item name="answer" label={t('answer')} rules={[{ required: true }]}>
                          <Select
                            options={(['accepted', 'partly_accepted', 'not_accepted'] as const).map((a) => ({ value: a, label: t(a) }))}
                            style={{ maxWidth: 240 }}
                          />
                        </Form.Item>
                        <Form.Item name="reply" label={t('reply')} rules={[{ required: true }]}>
                          <Input.TextArea rows={2} maxLength={4000} />
                        </Form.Item>
                      </CaseActionForm>
                    )
                  )}
                </List.Item>
              )}
            />
          </section>

          {g.standardId && <AdvancednessEvaluations evaluations={g.evaluations} />}

          <GroupStandardHistory history={g.history} />
        </Space>
      )}
    </QueryState>
  );
}

/** The clauses as rows of fields; the server checks what a form cannot (units, bounds, repeated clauses) and names the field. */
function RequirementsEditor({ initial }: { initial: Schemas['RequirementView'][] }) {
  const t = useT(messages);
  return (
    <Form.List
      name="requirements"
      initialValue={initial.map(({ clause, textZh, textEn, kind, unit, min, max, critical }) => ({
        clause,
        textZh,
        ...(textEn ? { textEn } : {}),
        kind,
        ...(unit ? { unit } : {}),
        ...(min !== null ? { min } : {}),
        ...(max !== null ? { max } : {}),
        critical,
      }))}
    >
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} wrap align="start" style={{ marginBottom: 8 }}>
              <Form.Item name={[f.name, 'clause']} label={i === 0 ? t('clause') : undefined} aria-label={t('clause')} rules={[{ required: true }]}>
                <Input aria-label={`${t('clause')} ${i + 1}`} style={{ width: 70 }} maxLength={20} />
              </Form.Item>
              <Form.Item name={[f.name, 'textZh']} label={i === 0 ? t('textZh') : undefined} rules={[{ required: true }]}>
                <Input aria-label={`${t('textZh')} ${i + 1}`} style={{ width: 220 }} maxLength={1000} />
              </Form.Item>
              <Form.Item name={[f.name, 'kind']} label={i === 0 ? t('kind') : undefined} initialValue="pass_fail">
                <Select
                  aria-label={`${t('kind')} ${i + 1}`}
                  style={{ width: 130 }}
                  options={[
                    { value: 'measured', label: t('measured') },
                    { value: 'pass_fail', label: t('passFail') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'unit']} label={i === 0 ? t('unit') : undefined}>
                <Input aria-label={`${t('unit')} ${i + 1}`} style={{ width: 70 }} maxLength={20} />
              </Form.Item>
              <Form.Item name={[f.name, 'min']} label={i === 0 ? t('min') : undefined}>
                <InputNumber aria-label={`${t('min')} ${i + 1}`} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'max']} label={i === 0 ? t('max') : undefined}>
                <InputNumber aria-label={`${t('max')} ${i + 1}`} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'critical']} label={i === 0 ? t('critical') : undefined} valuePropName="checked" initialValue={false}>
                <Checkbox aria-label={`${t('critical')} ${i + 1}`} />
              </Form.Item>
              <Button
                aria-label={`${t('remove')} ${i + 1}`}
                icon={<MinusCircleOutlined />}
                onClick={() => remove(f.name)}
                style={{ marginTop: i === 0 ? 30 : 0 }}
              />
            </Space>
          ))}
          <Form.Item>
            <Button type="dashed" onClick={() => add({ kind: 'pass_fail', critical: false })} icon={<PlusOutlined />}>
              {t('addClause')}
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
