import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { CaseActionForm } from '../../shared/complaints/CaseActionForm';
import { GroupStandardsList } from '../../shared/group-standards/GroupStandardsList';
import { allPages } from '../../api/all-pages';

const messages = defineMessages({
  zh: {
    title: '团体标准',
    groupCode: '团体代号',
    registerTitle: '登记团体代号',
    registerHint: '标准编号为 T/团体代号 顺序号—年份；代号在平台上唯一，只登记一次（2–12 位大写字母或数字）。',
    register: '登记',
    registered: '团体代号已登记',
    yourCode: '本团体代号：{code}',
    proposeTitle: '提出新标准',
    titleZh: '中文名称',
    titleEn: '英文名称',
    scope: '范围',
    categories: '适用产品类别',
    fullTextOpen: '全文公开',
    propose: '提出',
    proposed: '已提出，待立项',
    caption: '本团体的团体标准',
  },
  en: {
    title: 'Group standards',
    groupCode: 'Group code',
    registerTitle: 'Register the group code',
    registerHint:
      'Standards are numbered T/<group code> <sequence>—<year>; the code is unique on the platform and registered once (2–12 upper-case letters or digits).',
    register: 'Register',
    registered: 'Group code registered',
    yourCode: 'Your group code: {code}',
    proposeTitle: 'Propose a standard',
    titleZh: 'Chinese title',
    titleEn: 'English title',
    scope: 'Scope',
    categories: 'Product categories',
    fullTextOpen: 'Full text open',
    propose: 'Propose',
    proposed: 'Proposed: awaiting project approval',
    caption: "The association's group standards",
  },
});

/** The association's group standards: its group code (registered once), a new proposal, and the list. */
export default function GroupStandardsPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const codes = useQuery({ queryKey: ['group-codes'], queryFn: () => unwrap(api.GET('/api/v1/group-codes')) });
  const categories = useQuery({
    queryKey: ['categories', 'all'],
    queryFn: () => allPages((page) => unwrap(api.GET('/api/v1/categories', { params: { query: { page, pageSize: 100 } } }))),
  });
  const code = codes.data?.[0]?.code;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title')}
      </Typography.Title>
      {code ? (
        <Typography.Paragraph id="group-code">{t('yourCode', { code })}</Typography.Paragraph>
      ) : (
        codes.isSuccess && (
          <CaseActionForm<{ code: string }>
            name="group-code"
            title={t('registerTitle')}
            submit={t('register')}
            done={t('registered')}
            caseKey={['group-codes']}
            before={<Typography.Paragraph type="secondary">{t('registerHint')}</Typography.Paragraph>}
            onSubmit={(body) => unwrap(api.POST('/api/v1/group-codes', { body }))}
          >
            <Form.Item name="code" label={t('groupCode')} rules={[{ required: true }]}>
              <Input maxLength={12} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </CaseActionForm>
        )
      )}
      {code && (
        <CaseActionForm<Schemas['CreateGroupStandardDto']>
          name="propose"
          title={t('proposeTitle')}
          submit={t('propose')}
          done={t('proposed')}
          caseKey={['group-standards']}
          onSubmit={(body) => unwrap(api.POST('/api/v1/group-standards', { body: { ...body, fullTextOpen: Boolean(body.fullTextOpen) } }))}
        >
          <Form.Item name="titleZh" label={t('titleZh')} rules={[{ required: true }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="titleEn" label={t('titleEn')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="scope" label={t('scope')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="categoryCodes" label={t('categories')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(categories.data ?? []).map((c) => ({ value: c.code, label: language === 'en' && c.nameEn ? c.nameEn : c.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="fullTextOpen" valuePropName="checked">
            <Checkbox>{t('fullTextOpen')}</Checkbox>
          </Form.Item>
        </CaseActionForm>
      )}
      <GroupStandardsList caption={t('caption')} />
    </>
  );
}
