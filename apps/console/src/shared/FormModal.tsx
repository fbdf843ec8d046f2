import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { type ReactNode } from 'react';
import { defineMessages, useT } from '../i18n/language';
import { RefusalAlert, useRefusal } from './Refusal';

const messages = defineMessages({
  zh: { cancel: '取消' },
  en: { cancel: 'Cancel' },
});

/**
 * A form in a dialog: sent on OK, its refusal shown beside the fields it names, the lists named in
 * `refresh` (query keys' first part) read again and the dialog closed once accepted.
 */
export function FormModal<V extends object>({
  title,
  okText,
  refresh,
  send,
  onClose,
  initialValues,
  danger = false,
  children,
}: {
  title: string;
  okText: string;
  refresh: string[];
  send: (values: V) => Promise<unknown>;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** OK undoes something (a revocation): drawn as a dangerous button. */
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT(messages);
  const [form] = Form.useForm<V>();
  const refusal = useRefusal(form);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: () => {
      for (const list of refresh) void client.invalidateQueries({ queryKey: [list] });
      onClose();
    },
    onError: refusal.onError,
  });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => {
          refusal.clear();
          mutation.mutate(v);
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}
