import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { defineMessages, useT } from '../i18n/language';

const messages = defineMessages({
  zh: {
    copy: '复制',
    copied: '已复制',
    copyFailed: '无法自动复制，请手动选中后复制。',
    done: '我已妥善保存',
    warning: '此内容只显示这一次，关闭后无法再次查看。请立即复制并妥善保存。',
  },
  en: {
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'It could not be copied for you: select it and copy it by hand.',
    done: 'I have kept it safe',
    warning: 'This is shown this once only: once closed it cannot be seen again. Copy it now and keep it safe.',
  },
});

/**
 * A secret the API shows once (an API key, a webhook secret, a generated password): a dialog with a
 * copy button and a warning. It lives only in the component's state: never stored in the browser.
 */
export function SecretOnce({ title, label, secret, onClose }: { title: string; label: string; secret: string | undefined; onClose: () => void }) {
  const t = useT(messages);
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = () =>
    navigator.clipboard
      .writeText(secret ?? '')
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));
  const close = () => {
    setCopied(undefined);
    onClose();
  };
  return (
    <Modal
      open={secret !== undefined}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={close}>
          {t('done')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('warning')} />
        <Typography.Text strong id="secret-once-label">
          {label}
        </Typography.Text>
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret} aria-labelledby="secret-once-label" style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
          <Button icon={copied === 'yes' ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()}>
            {copied === 'yes' ? t('copied') : t('copy')}
          </Button>
        </Space.Compact>
        {copied === 'failed' && <Alert type="info" role="alert" title={t('copyFailed')} />}
      </Space>
    </Modal>
  );
}
