import { Form, Input } from 'antd';
import { type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { FormModal } from '../../../shared/FormModal';

const messages = defineMessages({
  zh: { removedReason: '移出原因', remove: '移出', required: '请填写此项' },
  en: { removedReason: 'Reason for removal', remove: 'Remove', required: 'Please fill this in' },
});

/**
 * Taking an enterprise off a credit list (abnormal operations, serious violations) with the public
 * reason for it: `send` posts the removal to the list's own route; `refresh` names the lists to
 * read again once it is accepted.
 */
export function RemoveListingDialog({
  title,
  send,
  refresh,
  onClose,
}: {
  title: string;
  send: (body: Schemas['RemovalDto']) => Promise<unknown>;
  refresh: string[];
  onClose: () => void;
}) {
  const t = useT(messages);
  return (
    <FormModal<Schemas['RemovalDto']> title={title} okText={t('remove')} refresh={refresh} send={send} onClose={onClose}>
      <Form.Item name="reason" label={t('removedReason')} rules={[{ required: true, message: t('required') }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
