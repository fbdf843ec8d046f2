import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { allPages } from '../../../api/all-pages';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { statusLabel } from '../../../i18n/labels';
import { CaseActionForm } from '../../../shared/complaints/CaseActionForm';
import { inShenzhen } from '../../../shared/dates';
import { AdvancednessEvaluations } from '../../../shared/group-standards/AdvancednessEvaluations';
import { GroupStandardFacts } from '../../../shared/group-standards/GroupStandardFacts';
import { GroupStandardHistory } from '../../../shared/group-standards/GroupStandardHistory';
import { QueryState } from '../../../shared/states';
import { nameIn } from '../common';

const messages = defineMessages({
  zh: {
    back: '返回团体标准',
    record: '记录先进性评价',
    recordHint: '对照国家标准（及行业、国际标准）的关键指标评价本标准是否先进；结论记入本标准，目录以最近一次评价为准。',
    recorded: '评价已记录',
    outcome: '评价结论',
    evaluatedOn: '评价日期',
    summary: '评价意见',
    summaryHint: '写明对比的指标和结果，例如：5.1 快充温升 ≤ 15 K，严于 GB 4943.1 的要求。',
    notEvaluable: '只有已发布（含复审中）的团体标准可以评价；本标准当前为「{status}」。',
    intoCatalogue: '列入认证目录',
    needsPass: '目录只接受最近一次先进性评价为通过的团体标准：记录通过的评价后，可从这里把它列入目录批次。',
    passed: '最近一次先进性评价已通过：在目录批次草稿中添加条目时，可在“依据标准”中选择 {number}。',
    batch: '目录批次草稿',
    open: '在该批次中添加条目',
    noDraft: '目前没有目录批次草稿：请先新建一个批次，再在其中添加条目。',
    batches: '前往目录批次',
  },
  en: {
    back: 'Back to group standards',
    record: 'Record an advancedness evaluation',
    recordHint:
      'Judge whether its key indicators are above the national standard (and sector or international ones); the outcome is kept with the standard, and the catalogue goes by the latest one.',
    recorded: 'Evaluation recorded',
    outcome: 'Outcome',
    evaluatedOn: 'Evaluated on',
    summary: 'Findings',
    summaryHint: 'Name the indicators compared and how they compare, e.g. 5.1 temperature rise ≤ 15 K, stricter than GB 4943.1.',
    notEvaluable: 'Only a published group standard (or one under review) is evaluated; this one is “{status}”.',
    intoCatalogue: 'Into the catalogue',
    needsPass:
      'The catalogue takes a group standard only when its latest advancedness evaluation passed: once one has, take it into a catalogue batch from here.',
    passed: 'Its latest advancedness evaluation passed: when you add an entry to a draft catalogue batch, {number} can be chosen among its standards.',
    batch: 'Draft catalogue batch',
    open: 'Add an entry in this batch',
    noDraft: 'There is no draft catalogue batch: create one first, then add the entry in it.',
    batches: 'Go to the catalogue batches',
  },
});

/** The statuses the API evaluates: published, also while its review (复审) runs. */
const EVALUABLE: readonly string[] = ['published', 'review'];

/** A group standard as the regulator sees it: the facts, its advancedness evaluations with the form to record one, the way into the catalogue, its history. */
export default function GroupStandardPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const key = ['group-standards', id];
  const query = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/group-standards/{id}', { params: { path: { id } } })) });
  return (
    <QueryState query={query}>
      {(g) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/group-standards">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {nameIn(language, g.titleZh, g.titleEn)}
          </Typography.Title>
          <GroupStandardFacts standard={g} />
          <AdvancednessEvaluations evaluations={g.evaluations} />
          {EVALUABLE.includes(g.status) ? (
            <>
              <CaseActionForm<Schemas['AdvancednessEvaluationDto']>
                name="evaluation"
                title={t('record')}
                submit={t('record')}
                done={t('recorded')}
                caseKey={key}
                before={<Typography.Paragraph type="secondary">{t('recordHint')}</Typography.Paragraph>}
                onSubmit={(body) => unwrap(api.POST('/api/v1/group-standards/{id}/evaluations', { params: { path: { id: g.id } }, body }))}
              >
                <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true }]}>
                  <Radio.Group
                    options={(['passed', 'failed'] as const).map((o) => ({ value: o, label: statusLabel('advancednessEvaluation', o, language) }))}
                  />
                </Form.Item>
                {/* Today in Shenzhen by default: the API refuses a date after it. */}
                <Form.Item name="evaluatedOn" label={t('evaluatedOn')} rules={[{ required: true }]} initialValue={inShenzhen(new Date()).format('YYYY-MM-DD')}>
                  <Input type="date" style={{ maxWidth: 200 }} />
                </Form.Item>
                <Form.Item name="summary" label={t('summary')} extra={t('summaryHint')} rules={[{ required: true }]}>
                  <Input.TextArea rows={4} maxLength={4000} />
                </Form.Item>
              </CaseActionForm>
              <IntoCatalogue standard={g} />
            </>
          ) : (
            <Alert type="info" showIcon title={t('notEvaluable', { status: statusLabel('groupStandard', g.status, language) })} />
          )}
          <GroupStandardHistory history={g.history} />
        </Space>
      )}
    </QueryState>
  );
}

/**
 * The way into the catalogue goes through the batch screen's own entry form (the standard chosen
 * there for the person), so the catalogue's rules stay in one place. Only once the latest evaluation passed.
 */
function IntoCatalogue({ standard: g }: { standard: Schemas['GroupStandardView'] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [batchId, setBatchId] = useState<string>();
  const passed = g.evaluations[0]?.outcome === 'passed';
  const drafts = useQuery({
    queryKey: ['catalogue', 'batches', { status: 'draft' }, 'options'],
    queryFn: () => allPages((page) => unwrap(api.GET('/api/v1/catalogue/batches', { params: { query: { page, pageSize: 100, status: 'draft' } } }))),
    enabled: passed,
  });
  return (
    <Card size="small" title={t('intoCatalogue')}>
      {!passed ? (
        <Typography.Paragraph style={{ margin: 0 }}>{t('needsPass')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('passed', { number: g.number ?? '' })}</Typography.Paragraph>
          {drafts.data && drafts.data.length === 0 ? (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('noDraft')} <Link to="/catalogue">{t('batches')}</Link>
            </Typography.Paragraph>
          ) : (
            <Space wrap>
              <Select
                aria-label={t('batch')}
                placeholder={t('batch')}
                loading={drafts.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 320 }}
                value={batchId}
                onChange={setBatchId}
                options={(drafts.data ?? []).map((b) => ({ value: b.id, label: `${b.number} ${nameIn(language, b.titleZh, b.titleEn)}` }))}
              />
              <Button type="primary" disabled={!batchId || !g.standardId} onClick={() => void navigate(`/catalogue/${batchId}?addStandard=${g.standardId}`)}>
                {t('open')}
              </Button>
            </Space>
          )}
        </>
      )}
    </Card>
  );
}
