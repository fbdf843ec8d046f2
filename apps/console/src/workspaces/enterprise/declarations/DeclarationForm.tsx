import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, type FormInstance } from 'antd';
import { type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { StandardSelect } from '../../../shared/standards/StandardSelect';

export type DeclarationBody = Schemas['SelfDeclarationDto'];

const messages = defineMessages({
  zh: {
    standard: '依据标准',
    productNameZh: '产品或服务名称（中文）',
    productNameEn: '产品或服务名称（英文）',
    models: '型号',
    modelsHelp: '输入型号后按回车，可填多个',
    indicators: '公开的关键指标',
    indicatorName: '指标名称',
    indicatorValue: '声明值',
    indicatorUnit: '单位',
    addIndicator: '添加指标',
    removeIndicator: '删除第 {n} 项指标',
    required: '请填写此项',
    testMethod: '检验方法',
    products: '产品（填写后型号按产品自动生成）',
    productName: '产品名称',
    brand: '品牌',
    model: '产品型号',
    barcode: '商品条码（GTIN）',
    specification: '规格',
    addProduct: '添加产品',
    removeProduct: '删除第 {n} 个产品',
    commitment: '承诺（发布即由您签署）',
    commitmentHelp: '发布时记录签署人、时间及声明内容的 SHA-256 摘要；公开页面显示签署人角色、时间和摘要。',
    commitmentDefault: '本企业承诺：所公开的标准及指标真实有效，产品按所声明的标准组织生产，并对声明内容的真实性负责。',
  },
  en: {
    standard: 'Standard followed',
    productNameZh: 'Product or service name (Chinese)',
    productNameEn: 'Product or service name (English)',
    models: 'Models',
    modelsHelp: 'Type a model and press Enter; several are allowed',
    indicators: 'Key indicators declared publicly',
    indicatorName: 'Indicator',
    indicatorValue: 'Declared value',
    indicatorUnit: 'Unit',
    addIndicator: 'Add an indicator',
    removeIndicator: 'Remove indicator {n}',
    required: 'Required',
    testMethod: 'Test method',
    products: 'Products (the models then come from them)',
    productName: 'Product name',
    brand: 'Brand',
    model: 'Product model',
    barcode: 'Barcode (GTIN)',
    specification: 'Specification',
    addProduct: 'Add a product',
    removeProduct: 'Remove product {n}',
    commitment: 'Commitment to truthfulness (you sign it by publishing)',
    commitmentHelp:
      "Publishing records the signer, the time and a SHA-256 of the declaration's content; the public page shows the signer's role, the time and the hash.",
    commitmentDefault: '本企业承诺：所公开的标准及指标真实有效，产品按所声明的标准组织生产，并对声明内容的真实性负责。',
  },
});

/** The fields of a self-declaration, named as the API's body so its refusals land next to them. */
export function DeclarationForm({ form, initial }: { form: FormInstance<DeclarationBody>; initial?: Partial<DeclarationBody> }) {
  const t = useT(messages);
  return (
    <Form<DeclarationBody>
      form={form}
      layout="vertical"
      initialValues={{ models: [], keyIndicators: [{ name: '', value: '' }], ...initial, commitment: { text: t('commitmentDefault') } }}
    >
      <Form.Item name="standardId" label={t('standard')} rules={[{ required: true, message: t('required') }]}>
        <StandardSelect />
      </Form.Item>
      <Form.Item name="productNameZh" label={t('productNameZh')} rules={[{ required: true, message: t('required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="productNameEn" label={t('productNameEn')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('products')}>
        <Form.List name="products">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} label={t('productName')} rules={[{ required: true, message: t('required') }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'brand']} label={t('brand')} rules={[{ required: true, message: t('required') }]}>
                    <Input maxLength={100} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'model']} label={t('model')} rules={[{ required: true, message: t('required') }]}>
                    <Input maxLength={100} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'barcode']} label={t('barcode')}>
                    <Input maxLength={14} inputMode="numeric" style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'specification']} label={t('specification')}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Button
                    aria-label={t('removeProduct', { n: index + 1 })}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', brand: '', model: '' })}>
                {t('addProduct')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="models" label={t('models')} extra={t('modelsHelp')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item label={t('indicators')}>
        <Form.List name="keyIndicators">
          {(fields, { add, remove }, { errors }) => (
            <div>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} label={t('indicatorName')} rules={[{ required: true, message: t('required') }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} label={t('indicatorValue')} rules={[{ required: true, message: t('required') }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} label={t('indicatorUnit')}>
                    <Input maxLength={20} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'testMethod']} label={t('testMethod')}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Button
                    aria-label={t('removeIndicator', { n: index + 1 })}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })}>
                {t('addIndicator')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item
        name={['commitment', 'text']}
        label={t('commitment')}
        extra={t('commitmentHelp')}
        rules={[{ required: true, min: 10, message: t('required') }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </Form>
  );
}

/** Empty optional texts leave the body rather than reach the API as "". */
export function declarationBody(values: DeclarationBody): DeclarationBody {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const products = (values.products ?? []).map((p) => ({
    name: p.name.trim(),
    brand: p.brand.trim(),
    model: p.model.trim(),
    ...(text(p.barcode) ? { barcode: text(p.barcode) } : {}),
    ...(text(p.specification) ? { specification: text(p.specification) } : {}),
  }));
  return {
    standardId: values.standardId,
    productNameZh: values.productNameZh?.trim(),
    ...(values.productNameEn?.trim() ? { productNameEn: values.productNameEn.trim() } : {}),
    // With products the API derives the models from them.
    ...(products.length ? { products } : { models: values.models ?? [] }),
    keyIndicators: (values.keyIndicators ?? []).map((k) => ({
      name: k.name,
      value: k.value,
      ...(text(k.unit) ? { unit: text(k.unit) } : {}),
      ...(text(k.testMethod) ? { testMethod: text(k.testMethod) } : {}),
      ...(k.requirementId ? { requirementId: k.requirementId } : {}),
    })),
    commitment: { text: values.commitment?.text?.trim() ?? '' },
  };
}
