import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, STANDARD_KIND_LABELS } from '../../../i18n/labels';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { useCategoryOptions } from '../oversight/useOptions';

const messages = defineMessages({
  zh: {
    title: '新增标准',
    back: '返回标准列表',
    code: '标准号',
    version: '版本',
    titleZh: '中文名称',
    titleEn: '英文名称',
    kind: '标准类型',
    issuer: '发布机构',
    publishedOn: '发布日期',
    categoryCodes: '适用类别',
    requirements: '技术要求',
    requirement: '要求 {n}',
    clause: '条款号',
    textZh: '要求（中文）',
    textEn: '要求（英文）',
    reqKind: '判定方式',
    measured: '测量值',
    passFail: '符合/不符合',
    unit: '单位',
    min: '下限（含）',
    max: '上限（含）',
    critical: '关键项（不通过则审核不通过）',
    addRequirement: '添加要求',
    remove: '删除要求 {n}',
    save: '保存标准',
    required: '请填写此项',
    atLeastOne: '至少需要一条技术要求',
  },
  en: {
    title: 'Add a standard',
    back: 'Back to standards',
    code: 'Code',
    version: 'Version',
    titleZh: 'Title (Chinese)',
    titleEn: 'Title (English)',
    kind: 'Kind',
    issuer: 'Issuer',
    publishedOn: 'Published on',
    categoryCodes: 'Categories',
    requirements: 'Requirements',
    requirement: 'Requirement {n}',
    clause: 'Clause',
    textZh: 'Requirement (Chinese)',
    textEn: 'Requirement (English)',
    reqKind: 'Judged by',
    measured: 'Measured value',
    passFail: 'Pass / fail',
    unit: 'Unit',
    min: 'Minimum (inclusive)',
    max: 'Maximum (inclusive)',
    critical: 'Critical (failing it fails the audit)',
    addRequirement: 'Add a requirement',
    remove: 'Remove requirement {n}',
    save: 'Save the standard',
    required: 'Please fill this in',
    atLeastOne: 'At least one requirement is needed',
  },
});

type Values = Omit<Schemas['CreateStandardDto'], 'publishedOn'> & { publishedOn?: Dayjs };

/** Empty optional texts are left out, and a pass/fail requirement sends no unit or limits. */
function toBody(values: Values): Schemas['CreateStandardDto'] {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  return {
    code: values.code,
    version: values.version,
    titleZh: values.titleZh,
    ...(blank(values.titleEn) ? {} : { titleEn: values.titleEn }),
    kind: values.kind,
    issuer: values.issuer,
    ...(values.publishedOn ? { publishedOn: values.publishedOn.format('YYYY-MM-DD') } : {}),
    categoryCodes: values.categoryCodes ?? [],
    requirements: (values.requirements ?? []).map((r) => ({
      clause: r.clause,
      textZh: r.textZh,
      ...(blank(r.textEn) ? {} : { textEn: r.textEn }),
      kind: r.kind,
      critical: Boolean(r.critical),
      ...(r.kind === 'measured'
        ? { ...(blank(r.unit) ? {} : { unit: r.unit }), ...(blank(r.min) ? {} : { min: r.min }), ...(blank(r.max) ? {} : { max: r.max }) }
        : {}),
    })),
  };
}

export default function NewStandardPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const navigate = useNavigate();
  const categories = useCategoryOptions({ active: true });
  const create = useMutation({
    mutationFn: (body: Schemas['CreateStandardDto']) => unwrap(api.POST('/api/v1/standards', { body })),
    onSuccess: (standard) => {
      void client.invalidateQueries({ queryKey: ['standards'] });
      void navigate(`/standards/${standard.id}`);
    },
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Link to="/standards">{t('back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'shenzhen', categoryCodes: [], requirements: [{ kind: 'pass_fail', critical: false }] }}
        onFinish={(values) => {
          refusal.clear();
          create.mutate(toBody(values));
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="code" label={t('code')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="version" label={t('version')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="titleZh" label={t('titleZh')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="titleEn" label={t('titleEn')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('kind')} rules={required}>
              <Select options={Object.keys(STANDARD_KIND_LABELS).map((k) => ({ value: k, label: labelOf(STANDARD_KIND_LABELS, k, language) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="issuer" label={t('issuer')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="publishedOn" label={t('publishedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="categoryCodes" label={t('categoryCodes')} rules={required}>
              <Select mode="multiple" loading={categories.loading} options={categories.options} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('requirements')}
        </Typography.Title>
        <Form.List
          name="requirements"
          rules={[
            {
              validator: async (_, list?: unknown[]) => {
                if (!list || list.length === 0) throw new Error(t('atLeastOne'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('requirement', { n: index + 1 })}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('remove', { n: index + 1 })} onClick={() => remove(field.name)} />}
                >
                  <Row gutter={16}>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'clause']} label={t('clause')} rules={required}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item name={[field.name, 'textZh']} label={t('textZh')} rules={required}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item name={[field.name, 'textEn']} label={t('textEn')}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'kind']} label={t('reqKind')} rules={required}>
                        <Select
                          options={[
                            { value: 'pass_fail', label: t('passFail') },
                            { value: 'measured', label: t('measured') },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle dependencies={[['requirements', field.name, 'kind']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['requirements', field.name, 'kind']) === 'measured' ? (
                          <>
                            <Col xs={24} md={6}>
                              <Form.Item name={[field.name, 'unit']} label={t('unit')} rules={required}>
                                <Input />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={6}>
                              <Form.Item name={[field.name, 'min']} label={t('min')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={6}>
                              <Form.Item name={[field.name, 'max']} label={t('max')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                          </>
                        ) : null
                      }
                    </Form.Item>
                    <Col xs={24}>
                      <Form.Item name={[field.name, 'critical']} valuePropName="checked" style={{ marginBottom: 0 }}>
                        <Checkbox>{t('critical')}</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'pass_fail', critical: false })}>
                {t('addRequirement')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Space>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={create.isPending} style={{ marginTop: 24 }}>
          {t('save')}
        </Button>
      </Form>
    </Space>
  );
}
