import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { defineMessages, useT } from '../../../i18n/language';

const messages = defineMessages({
  zh: {
    product: '产品 {n}',
    nameZh: '产品名称（中文）',
    nameEn: '产品名称（英文）',
    brand: '品牌',
    models: '型号',
    modelsHelp: '输入型号后按回车；型号须在自我声明中列出',
    factoryAddress: '生产厂地址',
    addProduct: '添加产品',
    removeProduct: '删除产品 {n}',
    serviceNameZh: '服务名称（中文）',
    serviceNameEn: '服务名称（英文）',
    site: '服务场所 {n}',
    siteName: '场所名称',
    siteAddress: '场所地址',
    addSite: '添加服务场所',
    removeSite: '删除服务场所 {n}',
    required: '请填写此项',
    modelsRequired: '至少填写一个型号',
  },
  en: {
    product: 'Product {n}',
    nameZh: 'Product name (Chinese)',
    nameEn: 'Product name (English)',
    brand: 'Brand',
    models: 'Models',
    modelsHelp: 'Type a model and press Enter; models must be listed in the self-declaration',
    factoryAddress: 'Factory address',
    addProduct: 'Add a product',
    removeProduct: 'Remove product {n}',
    serviceNameZh: 'Service name (Chinese)',
    serviceNameEn: 'Service name (English)',
    site: 'Service site {n}',
    siteName: 'Site name',
    siteAddress: 'Site address',
    addSite: 'Add a service site',
    removeSite: 'Remove service site {n}',
    required: 'Required',
    modelsRequired: 'At least one model',
  },
});

/** The scope to be certified, named as the API's `scope` so a refusal of scope.products.0.models lands on its field. */
export function ScopeFields({ kind }: { kind: 'products' | 'service' }) {
  const t = useT(messages);
  const required = [{ required: true, message: t('required') }];
  if (kind === 'service') {
    return (
      <>
        <Form.Item name={['scope', 'service', 'nameZh']} label={t('serviceNameZh')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name={['scope', 'service', 'nameEn']} label={t('serviceNameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name={['scope', 'service', 'sites']}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('site', { n: index + 1 })}
                  style={{ marginBottom: 12 }}
                  extra={<Button aria-label={t('removeSite', { n: index + 1 })} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, 'name']} label={t('siteName')} rules={required}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'address']} label={t('siteAddress')} rules={required}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('addSite')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </>
    );
  }
  return (
    <Form.List name={['scope', 'products']}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('product', { n: index + 1 })}
              style={{ marginBottom: 12 }}
              extra={<Button aria-label={t('removeProduct', { n: index + 1 })} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />}
            >
              <Space wrap align="start">
                <Form.Item name={[field.name, 'nameZh']} label={t('nameZh')} rules={required}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'nameEn']} label={t('nameEn')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'brand']} label={t('brand')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
              </Space>
              <Form.Item
                name={[field.name, 'models']}
                label={t('models')}
                extra={t('modelsHelp')}
                rules={[{ required: true, type: 'array', min: 1, message: t('modelsRequired') }]}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
              </Form.Item>
              <Form.Item name={[field.name, 'factoryAddress']} label={t('factoryAddress')} rules={required}>
                <Input maxLength={300} />
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ models: [] })}>
            {t('addProduct')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
