import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { useErrorSentence } from '../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { labelOf, STANDARD_KIND_LABELS } from '../../i18n/labels';
import { formatDate } from '../dates';
import { QueryState } from '../states';
import { StatusTag } from '../StatusTag';

const messages = defineMessages({
  zh: {
    back: '返回标准列表',
    status: '状态',
    kind: '标准类型',
    version: '版本',
    issuer: '发布机构',
    categories: '适用类别',
    publishedOn: '发布日期',
    titleEn: '英文名称',
    requirements: '技术要求',
    reqCaption: '标准的技术要求条款',
    clause: '条款',
    text: '要求',
    reqKind: '判定方式',
    measured: '测量值',
    passFail: '符合/不符合',
    range: '限值',
    critical: '关键项',
    yes: '是',
    supersede: '标记为已被替代',
    supersedeConfirm: '确认将该标准标记为已被替代？此操作不可撤回。',
    withdraw: '废止',
    withdrawConfirm: '确认废止该标准？此操作不可撤回。',
    ok: '确认',
    cancel: '取消',
  },
  en: {
    back: 'Back to standards',
    status: 'Status',
    kind: 'Kind',
    version: 'Version',
    issuer: 'Issuer',
    categories: 'Categories',
    publishedOn: 'Published on',
    titleEn: 'English title',
    requirements: 'Requirements',
    reqCaption: "The standard's requirements",
    clause: 'Clause',
    text: 'Requirement',
    reqKind: 'Judged by',
    measured: 'Measured value',
    passFail: 'Pass / fail',
    range: 'Limits',
    critical: 'Critical',
    yes: 'Yes',
    supersede: 'Mark superseded',
    supersedeConfirm: 'Mark this standard superseded? This cannot be undone.',
    withdraw: 'Withdraw',
    withdrawConfirm: 'Withdraw this standard? This cannot be undone.',
    ok: 'Confirm',
    cancel: 'Cancel',
  },
});

type Requirement = Schemas['RequirementView'];

const limits = (r: Requirement): string => {
  if (r.kind !== 'measured') return '—';
  const unit = r.unit ? ` ${r.unit}` : '';
  if (r.min != null && r.max != null) return `${r.min} – ${r.max}${unit}`;
  if (r.min != null) return `≥ ${r.min}${unit}`;
  if (r.max != null) return `≤ ${r.max}${unit}`;
  return unit.trim() || '—';
};

/** One standard with its requirements; `manage` (the regulator) adds supersede and withdraw. */
export function StandardDetail({ manage = false }: { manage?: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['standards', id], queryFn: () => unwrap(api.GET('/api/v1/standards/{id}', { params: { path: { id } } })) });
  const change = useMutation({
    mutationFn: (action: 'supersede' | 'withdraw') =>
      action === 'supersede'
        ? unwrap(api.POST('/api/v1/standards/{id}/supersede', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/standards/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['standards'] }),
  });
  return (
    <QueryState query={query}>
      {(s) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Link to="/standards">{t('back')}</Link>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {s.code} {s.titleZh}
          </Typography.Title>
          {change.error && <Alert type="error" showIcon role="alert" title={sentence(change.error)} />}
          {manage && s.status === 'current' && (
            <Space wrap>
              <Popconfirm title={t('supersedeConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => change.mutate('supersede')}>
                <Button loading={change.isPending && change.variables === 'supersede'}>{t('supersede')}</Button>
              </Popconfirm>
              <Popconfirm title={t('withdrawConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => change.mutate('withdraw')}>
                <Button danger loading={change.isPending && change.variables === 'withdraw'}>
                  {t('withdraw')}
                </Button>
              </Popconfirm>
            </Space>
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('status')}>
              <StatusTag family="standard" status={s.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('kind')}>{labelOf(STANDARD_KIND_LABELS, s.kind, language)}</Descriptions.Item>
            <Descriptions.Item label={t('version')}>{s.version}</Descriptions.Item>
            <Descriptions.Item label={t('issuer')}>{s.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('categories')}>{s.categoryCodes.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('publishedOn')}>{formatDate(s.publishedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('titleEn')}>{s.titleEn || '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('requirements')}
            </Typography.Title>
            <Table<Requirement>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={s.requirements}
              title={() => t('reqCaption')}
              columns={[
                { title: t('clause'), dataIndex: 'clause' },
                { title: t('text'), key: 'text', render: (_, r) => (language === 'en' && r.textEn ? r.textEn : r.textZh) },
                { title: t('reqKind'), dataIndex: 'kind', render: (k: string) => (k === 'measured' ? t('measured') : t('passFail')) },
                { title: t('range'), key: 'range', render: (_, r) => limits(r) },
                { title: t('critical'), dataIndex: 'critical', render: (c: boolean) => (c ? <Tag color="red">{t('yes')}</Tag> : '—') },
              ]}
            />
          </div>
        </Space>
      )}
    </QueryState>
  );
}
