import { Alert, Form, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { applyFieldErrors } from '../../../shared/form-errors';

const messages = defineMessages({
  zh: { cancel: '取消', unplaced: '{field}：{reasons}' },
  en: { cancel: 'Cancel', unplaced: '{field}: {reasons}' },
});

interface ActionModalProps<V> {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** What the action does, said before the person confirms it. */
  explanation?: ReactNode;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  /** Form.Item fields named exactly as the API's body fields, so a 400 lands next to them. */
  children?: ReactNode;
}

/**
 * A confirmation with its form: the refusal stays inside the dialog, where the action was taken
 * (a 400 next to the fields it names, anything else as a sentence), and the dialog closes only
 * when the API accepted.
 */
export function ActionModal<V extends object>({ open, title, okText, danger, explanation, initialValues, onSubmit, onClose, children }: ActionModalProps<V>) {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<{ sentence: string; unplaced: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing next to each field
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (e) {
      const unplaced = e instanceof ApiError && e.status === 400 ? applyFieldErrors(form, e, language) : [];
      setError({ sentence: sentence(e), unplaced: unplaced.map((f) => t('unplaced', { field: f.field, reasons: f.reasons.join('; ') })) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {explanation && <Typography.Paragraph>{explanation}</Typography.Paragraph>}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={error.sentence}
          description={error.unplaced.length ? error.unplaced.join(' · ') : undefined}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
