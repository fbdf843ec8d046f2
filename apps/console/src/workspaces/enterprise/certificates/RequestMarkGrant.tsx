import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { useErrorSentence } from '../../../api/error-sentences';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { labelOf, MEDIA_LABELS } from '../../../i18n/labels';
import { applyFieldErrors } from '../../../shared/form-errors';

type Media = Schemas['MarkGrantRequestDto']['media'][number];
const MEDIA: readonly Media[] = ['product', 'packaging', 'manual', 'advertising'];

const messages = defineMessages({
  zh: {
    open: '申请使用认证标志',
    title: '申请使用认证标志',
    models: '使用标志的型号',
    media: '使用标志的载体',
    submit: '提交申请',
    cancel: '取消',
    pickModels: '请至少选择一个型号',
    pickMedia: '请至少选择一种载体',
    intro: '认证机构批准后，可在所选型号和载体上使用认证标志，并订购防伪标签码。',
  },
  en: {
    open: 'Request the mark',
    title: 'Request the certification mark',
    models: 'Models to carry the mark',
    media: 'Where the mark is used',
    submit: 'Send the request',
    cancel: 'Cancel',
    pickModels: 'Choose one model at least',
    pickMedia: 'Choose one medium at least',
    intro: 'Once the certification body grants it, the mark may be used on these models and media, and label codes can be ordered.',
  },
});

interface Values {
  models: string[];
  media: Media[];
}

/**
 * "Choose one at least", checked without `required`: a required rule makes the form put
 * aria-required on the checkbox group's <div>, which ARIA does not allow there (axe: critical).
 */
/** A choice of one at least (a validator, not `required`: that puts aria-required on the checkbox group, which axe refuses). */
export const atLeastOne = (message: string) => ({
  validator: (_: unknown, value: unknown[] | undefined) => (value?.length ? Promise.resolve() : Promise.reject(new Error(message))),
});

/** The holder asks to use the mark on models of the certificate's scope: a button and its form in a dialog. */
export function RequestMarkGrant({ certificate }: { certificate: Schemas['CertificateView'] }) {
  const t = useT(messages);
  const { language } = useLanguage();
  const sentence = useErrorSentence();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string>();

  const models = (certificate.scope.products ?? []).flatMap((p) =>
    p.models.map((model) => ({ value: model, label: `${model} · ${(language === 'en' && p.nameEn) || p.nameZh} (${p.brand})` })),
  );

  const request = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/api/v1/certificates/{id}/mark-grants', { params: { path: { id: certificate.id } }, body: values })),
    onSuccess: async (grant) => {
      await Promise.all([queries.invalidateQueries({ queryKey: ['certificate', certificate.id] }), queries.invalidateQueries({ queryKey: ['mark-grants'] })]);
      setOpen(false);
      void navigate(`/marks/${grant.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) applyFieldErrors(form, error, language);
      setRefusal(sentence(error));
    },
  });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} disabled={models.length === 0}>
        {t('open')}
      </Button>
      <Modal
        open={open}
        title={t('title')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button type="primary" loading={request.isPending} onClick={() => form.submit()}>
              {t('submit')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" title={t('intro')} />
          {refusal && <Alert type="error" role="alert" showIcon title={refusal} />}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ models: [], media: [] }}
            onValuesChange={() => setRefusal(undefined)}
            onFinish={(values) => request.mutate(values)}
          >
            <Form.Item name="models" label={t('models')} rules={[atLeastOne(t('pickModels'))]}>
              <Checkbox.Group options={models} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
            </Form.Item>
            <Form.Item name="media" label={t('media')} rules={[atLeastOne(t('pickMedia'))]}>
              <Checkbox.Group options={MEDIA.map((m) => ({ value: m, label: labelOf(MEDIA_LABELS, m, language) }))} />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </>
  );
}
