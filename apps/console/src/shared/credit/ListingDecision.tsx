import { Form, Input, Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';

const messages = defineMessages({
  zh: {
    decision: '列入决定书',
    number: '决定书文号',
    date: '决定日期（YYYY-MM-DD）',
    authority: '作出决定的机关',
    legalBasis: '法律依据',
    appeal: '救济途径',
    required: '请填写此项',
    dateFormat: '请按 YYYY-MM-DD 填写日期',
  },
  en: {
    decision: 'Listing decision',
    number: 'Decision number',
    date: 'Decision date (YYYY-MM-DD)',
    authority: 'Deciding authority',
    legalBasis: 'Legal basis',
    appeal: 'Appeal route',
    required: 'Please fill this in',
    dateFormat: 'Write the date as YYYY-MM-DD',
  },
});

/** The listing decision's four fields (列入决定书), nested under `decision` in the listing form. */
export function ListingDecisionFields() {
  const t = useT(messages);
  const required = [{ required: true, message: t('required') }];
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t('decision')}</legend>
      <Form.Item name={['decision', 'number']} label={t('number')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['decision', 'date']} label={t('date')} rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('dateFormat') }]}>
        <Input placeholder="2026-11-20" />
      </Form.Item>
      <Form.Item name={['decision', 'authority']} label={t('authority')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['decision', 'legalBasis']} label={t('legalBasis')} rules={required}>
        <Input maxLength={500} />
      </Form.Item>
    </fieldset>
  );
}

/** A listing decision as read: number, date, authority, legal basis and the appeal route in the reader's language. */
export function ListingDecisionText({ decision }: { decision: Schemas['ListingDecisionView'] | null }) {
  const t = useT(messages);
  const { language } = useLanguage();
  if (!decision) return <>—</>;
  // Plain lines, not Descriptions: in a table cell the appeal route must wrap rather than push the row's state off screen.
  const line = (label: string, value: string) => (
    <div>
      <Typography.Text type="secondary">
        {label}
        {language === 'en' ? ': ' : '：'}
      </Typography.Text>
      {value}
    </div>
  );
  return (
    <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
      {line(t('number'), decision.number)}
      {line(t('authority'), `${decision.authority} · ${decision.date}`)}
      {line(t('legalBasis'), decision.legalBasis)}
      {line(t('appeal'), language === 'en' ? decision.appeal.textEn : decision.appeal.textZh)}
    </div>
  );
}
