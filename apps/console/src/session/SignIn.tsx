import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useErrorSentence } from '../api/error-sentences';
import { ApiError } from '../api/client';
import { defineMessages, useLanguage, useT } from '../i18n/language';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { applyFieldErrors } from '../shared/form-errors';
import { useSession } from './session';

const messages = defineMessages({
  zh: {
    title: '深圳标准认证工作台',
    subtitle: '企业、认证机构与监管部门的工作平台',
    email: '电子邮箱',
    password: '密码',
    signIn: '登录',
    required: '请填写{field}',
    wrong: '邮箱或密码不正确，或账户已停用。',
    expiredTitle: '登录已过期',
    expiredText: '为保护您的数据，请重新登录。登录后将回到当前页面。',
  },
  en: {
    title: 'Shenzhen Standard console',
    subtitle: 'Where enterprises, certification bodies and the regulator work',
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    required: 'Enter your {field}',
    wrong: 'The e-mail or password is wrong, or the account is deactivated.',
    expiredTitle: 'Your session has ended',
    expiredText: 'Sign in again to go on: you will come back to this page.',
  },
});

interface Credentials {
  email: string;
  password: string;
}

function SignInForm({ autoFocus }: { autoFocus?: boolean }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const { signIn } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.email, values.password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) applyFieldErrors(form, e, language);
      setError(e instanceof ApiError && e.status === 401 ? t('wrong') : sentence(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="sign-in">
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="email" label={t('email')} rules={[{ required: true, message: t('required', { field: t('email') }) }]}>
        <Input type="email" autoComplete="username" autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required', { field: t('password') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('signIn')}
      </Button>
    </Form>
  );
}

/** The page a person sees when no one is signed in. */
export function SignInPage() {
  const t = useT(messages);
  return (
    <main className="sign-in">
      <Card style={{ width: 380, maxWidth: '92vw' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start' }}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
              {t('title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </div>
        <SignInForm autoFocus />
      </Card>
    </main>
  );
}

/** Over the page the person was on when the session ended: signing in again leaves them there. */
export function SessionExpiredDialog() {
  const t = useT(messages);
  return (
    <Modal open title={t('expiredTitle')} closable={false} footer={null} mask={{ closable: false }} keyboard={false}>
      <Typography.Paragraph>{t('expiredText')}</Typography.Paragraph>
      <SignInForm autoFocus />
    </Modal>
  );
}
