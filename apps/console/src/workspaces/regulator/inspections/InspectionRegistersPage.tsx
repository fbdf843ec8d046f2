import { PlusOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { FormModal } from '../../../shared/FormModal';
import { PagedTable } from '../../../shared/PagedTable';
import { ActionAlert } from '../../../shared/Refusal';
import { useListParams } from '../../../shared/url-state';
import { nameIn } from '../common';
import { OrganizationSelect } from '../oversight/OrganizationSelect';
import { InspectionsNav } from './InspectionsNav';

const messages = defineMessages({
  zh: {
    title: '双随机抽查名录',
    matters: '抽查事项清单',
    targets: '检查对象名录库',
    inspectors: '执法检查人员名录库',
    code: '事项编码',
    nameZh: '事项名称（中文）',
    nameEn: '事项名称（英文）',
    name: '名称',
    legalBasis: '法律依据',
    targetKinds: '适用的检查对象',
    declaration: '自我声明',
    certificate: '认证证书',
    holder: '企业',
    addMatter: '新增抽查事项',
    kind: '对象类型',
    target: '检查对象',
    enterprise: '企业',
    riskClass: '风险等级',
    riskOf: '{name} 的风险等级',
    sync: '从平台载入',
    syncTitle: '载入平台上尚未登记的检查对象',
    syncDone: '已载入 {added} 个检查对象',
    startClass: '初始风险等级',
    load: '载入',
    addInspector: '登记执法检查人员',
    inspectorName: '姓名',
    unit: '所在单位',
    badgeNumber: '执法证号',
    active: '在岗',
    activeOf: '{name} 在岗',
    conflicts: '申报的利害关系',
    declareConflict: '申报利害关系',
    declareOf: '登记 {name} 申报的利害关系',
    reason: '原因',
    save: '保存',
    required: '请填写此项',
    mattersCaption: '可供随机抽查的事项及其法律依据',
    targetsCaption: '只能登记平台上的自我声明、认证证书和企业；A 类风险最高',
    inspectorsCaption: '检查人员不会被抽取去检查与其有利害关系的企业',
  },
  en: {
    title: 'Random inspection registers',
    matters: 'Checklist of matters',
    targets: 'Target register',
    inspectors: 'Inspector register',
    code: 'Code',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    name: 'Name',
    legalBasis: 'Legal basis',
    targetKinds: 'Applies to',
    declaration: 'Self-declaration',
    certificate: 'Certificate',
    holder: 'Enterprise',
    addMatter: 'Add a matter',
    kind: 'Kind',
    target: 'Target',
    enterprise: 'Enterprise',
    riskClass: 'Risk class',
    riskOf: 'Risk class of {name}',
    sync: 'Load from the platform',
    syncTitle: 'Load the platform’s rows not yet registered',
    syncDone: '{added} target(s) loaded',
    startClass: 'Starting risk class',
    load: 'Load',
    addInspector: 'Register an inspector',
    inspectorName: 'Name',
    unit: 'Unit',
    badgeNumber: 'Badge number',
    active: 'Active',
    activeOf: '{name} active',
    conflicts: 'Declared conflicts',
    declareConflict: 'Declare a conflict',
    declareOf: 'Record a conflict {name} declared',
    reason: 'Reason',
    save: 'Save',
    required: 'Please fill this in',
    mattersCaption: 'What may be inspected at random, and under which law',
    targetsCaption: 'Only the platform’s self-declarations, certificates and enterprises; class A is the highest risk',
    inspectorsCaption: 'An inspector is never drawn for an enterprise they declared a conflict with',
  },
});

type Kind = Schemas['AddTargetDto']['kind'];
type Risk = Schemas['AddTargetDto']['riskClass'];
const KINDS: Kind[] = ['declaration', 'certificate', 'holder'];
const RISKS: Risk[] = ['A', 'B', 'C', 'D'];
const TABS = ['tab'] as const;

export default function InspectionRegistersPage() {
  const t = useT(messages);
  const { filters, setFilters } = useListParams(TABS);
  return (
    <>
      <InspectionsNav />
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={filters.tab ?? 'matters'}
        onChange={(tab) => setFilters({ tab: tab === 'matters' ? undefined : tab })}
        items={[
          { key: 'matters', label: t('matters'), children: <Matters /> },
          { key: 'targets', label: t('targets'), children: <Targets /> },
          { key: 'inspectors', label: t('inspectors'), children: <Inspectors /> },
        ]}
      />
    </>
  );
}

function Matters() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, setPage } = useListParams([]);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 16 }}>
        {t('addMatter')}
      </Button>
      <PagedTable<Schemas['MatterView']>
        queryKey={['inspection-matters']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/inspection-matters', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('mattersCaption')}
        columns={[
          { title: t('code'), dataIndex: 'code' },
          { title: t('name'), key: 'name', render: (_, m) => nameIn(language, m.nameZh, m.nameEn) },
          { title: t('legalBasis'), dataIndex: 'legalBasis', render: (text: string) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{text}</div> },
          { title: t('targetKinds'), key: 'kinds', render: (_, m) => m.targetKinds.map((k) => <Tag key={k}>{t(k)}</Tag>) },
        ]}
      />
      {adding && <AddMatter onClose={() => setAdding(false)} />}
    </>
  );
}

const useRequired = () => {
  const t = useT(messages);
  return [{ required: true, message: t('required') }];
};

function AddMatter({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const required = useRequired();
  return (
    <FormModal<Schemas['CreateMatterDto']>
      title={t('addMatter')}
      okText={t('save')}
      refresh={['inspection-matters']}
      send={(v) => unwrap(api.POST('/api/v1/inspection-matters', { body: { ...v, nameEn: v.nameEn || undefined } }))}
      onClose={onClose}
    >
      <Form.Item name="code" label={t('code')} rules={required}>
        <Input placeholder="SZS-MARK-01" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('legalBasis')} rules={required}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="targetKinds" label={t('targetKinds')} rules={required}>
        <Select mode="multiple" options={KINDS.map((k) => ({ value: k, label: t(k) }))} />
      </Form.Item>
    </FormModal>
  );
}
function Targets() {
  const t = useT(messages);
  const { language } = useLanguage();
  const { page, pageSize, setPage } = useListParams([]);
  const [syncing, setSyncing] = useState(false);
  const client = useQueryClient();
  const setRisk = useMutation({
    mutationFn: (body: Schemas['AddTargetDto']) => unwrap(api.POST('/api/v1/inspection-targets', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspection-targets'] }),
  });
  return (
    <>
      <ActionAlert error={setRisk.error} />
      <Button icon={<SyncOutlined />} onClick={() => setSyncing(true)} style={{ marginBottom: 16 }}>
        {t('sync')}
      </Button>
      <PagedTable<Schemas['TargetView']>
        queryKey={['inspection-targets']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/inspection-targets', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('targetsCaption')}
        columns={[
          { title: t('target'), dataIndex: 'label' },
          { title: t('kind'), dataIndex: 'kind', render: (k: Kind) => t(k) },
          { title: t('enterprise'), key: 'enterprise', render: (_, x) => nameIn(language, x.enterprise.nameZh, x.enterprise.nameEn) },
          {
            title: t('riskClass'),
            key: 'risk',
            render: (_, x) => (
              <Select<Risk>
                aria-label={t('riskOf', { name: x.label })}
                value={x.riskClass}
                style={{ width: 72 }}
                options={RISKS.map((r) => ({ value: r, label: r }))}
                onChange={(riskClass) => setRisk.mutate({ kind: x.kind, subjectId: x.subjectId, riskClass })}
              />
            ),
          },
        ]}
      />
      {syncing && <SyncTargets onClose={() => setSyncing(false)} />}
    </>
  );
}

function SyncTargets({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const required = useRequired();
  return (
    <FormModal<Schemas['SyncTargetsDto']>
      title={t('syncTitle')}
      okText={t('load')}
      refresh={['inspection-targets']}
      send={(body) => unwrap(api.POST('/api/v1/inspection-targets/sync', { body }))}
      onClose={onClose}
      initialValues={{ riskClass: 'C' }}
    >
      <Form.Item name="kind" label={t('kind')} rules={required}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(k) }))} />
      </Form.Item>
      <Form.Item name="riskClass" label={t('startClass')} rules={required}>
        <Select options={RISKS.map((r) => ({ value: r, label: r }))} />
      </Form.Item>
    </FormModal>
  );
}
function Inspectors() {
  const t = useT(messages);
  const { page, pageSize, setPage } = useListParams([]);
  const [adding, setAdding] = useState(false);
  const [declaring, setDeclaring] = useState<Schemas['InspectorView'] | null>(null);
  const client = useQueryClient();
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.PATCH('/api/v1/inspectors/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['inspectors'] }),
  });
  return (
    <>
      <ActionAlert error={setActive.error} />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 16 }}>
        {t('addInspector')}
      </Button>
      <PagedTable<Schemas['InspectorView']>
        queryKey={['inspectors']}
        fetchPage={(p, size) => unwrap(api.GET('/api/v1/inspectors', { params: { query: { page: p, pageSize: size } } }))}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('inspectorsCaption')}
        columns={[
          { title: t('inspectorName'), dataIndex: 'name' },
          { title: t('unit'), dataIndex: 'unit' },
          { title: t('badgeNumber'), dataIndex: 'badgeNumber' },
          {
            title: t('active'),
            key: 'active',
            render: (_, i) => (
              <Switch aria-label={t('activeOf', { name: i.name })} checked={i.active} onChange={(active) => setActive.mutate({ id: i.id, active })} />
            ),
          },
          {
            title: t('conflicts'),
            key: 'conflicts',
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                {i.conflicts.map((c) => (
                  <span key={c.enterpriseId}>
                    {c.enterpriseNameZh}（{c.reason}）
                  </span>
                ))}
                <Button size="small" aria-label={`${t('declareConflict')}：${i.name}`} onClick={() => setDeclaring(i)}>
                  {t('declareConflict')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {adding && <AddInspector onClose={() => setAdding(false)} />}
      {declaring && <DeclareConflict inspector={declaring} onClose={() => setDeclaring(null)} />}
    </>
  );
}

function AddInspector({ onClose }: { onClose: () => void }) {
  const t = useT(messages);
  const required = useRequired();
  return (
    <FormModal<Schemas['CreateInspectorDto']>
      title={t('addInspector')}
      okText={t('save')}
      refresh={['inspectors']}
      send={(body) => unwrap(api.POST('/api/v1/inspectors', { body }))}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('inspectorName')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="unit" label={t('unit')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="badgeNumber" label={t('badgeNumber')} rules={required}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
function DeclareConflict({ inspector, onClose }: { inspector: Schemas['InspectorView']; onClose: () => void }) {
  const t = useT(messages);
  const required = useRequired();
  return (
    <FormModal<Schemas['DeclareInspectorConflictDto']>
      title={t('declareOf', { name: inspector.name })}
      okText={t('save')}
      refresh={['inspectors']}
      send={(body) => unwrap(api.POST('/api/v1/inspectors/{id}/conflicts', { params: { path: { id: inspector.id } }, body }))}
      onClose={onClose}
    >
      <Form.Item name="enterpriseId" label={t('enterprise')} rules={required}>
        <OrganizationSelect kind="enterprise" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={required}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
