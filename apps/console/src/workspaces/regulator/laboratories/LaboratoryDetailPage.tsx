import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
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
  },
});

type Action = 'suspend' | 'reinstate' | 'withdraw';
const PATHS = {
  suspend: '/api/v1/laboratories/{id}/suspend',
  reinstate: '/api/v1/laboratories/{id}/reinstate',
  withdraw: '/api/v1/laboratories/{id}/withdraw',
} as const;

export default function LaboratoryDetailPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const { language } = useLanguage();
  const client = useQueryClient();
  const refusal = useRefusal();
  const query = useQuery({ queryKey: ['laboratories', id], queryFn: () => unwrap(api.GET('/api/v1/laboratories/{id}', { params: { path: { id } } })) });
  const act = useMutation({
    mutationFn: (action: Action) => unwrap(api.POST(PATHS[action], { params: { path: { id } } })),
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
        {actions.map((a) => (
          <Popconfirm key={a} title={t('confirm')} onConfirm={() => act.mutate(a)}>
            <Button danger={a === 'withdraw'} loading={act.isPending && act.variables === a}>
              {t(a)}
            </Button>
          </Popconfirm>
        ))}
      </Space>
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
