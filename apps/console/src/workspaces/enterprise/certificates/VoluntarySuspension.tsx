import { Button, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { CaseActionForm } from '../../../shared/complaints/CaseActionForm';
import { dayjs, formatDate, inShenzhen } from '../../../shared/dates';

type Certificate = Schemas['CertificateView'];

const messages = defineMessages({
  zh: {
    ask: '申请自愿暂停',
    title: '申请自愿暂停证书 {number}',
    explain:
      '暂停期间证书在公开查询中显示为“暂停”（原因：持证人申请），标志使用随之暂停。需要恢复时请联系认证机构；到期未恢复，证书将被撤销。暂停最迟至 {latest}。',
    until: '暂停至（含当日）',
    untilRequired: '请选择暂停的最后一天',
    reason: '原因',
    reasonRequired: '请写明原因',
    submit: '提交暂停申请',
    done: '证书已暂停。',
  },
  en: {
    ask: 'Apply for a voluntary suspension',
    title: 'Voluntary suspension of certificate {number}',
    explain:
      'While suspended, the certificate shows as suspended in the public registry (reason: at the holder’s request) and its mark grants are suspended with it. Ask the certification body to restore it; not restored by its last day, it is withdrawn. It may last until {latest} at the latest.',
    until: 'Suspended until (last day)',
    untilRequired: 'Choose the last day of the suspension',
    reason: 'Reason',
    reasonRequired: 'Give the reason',
    submit: 'Suspend the certificate',
    done: 'The certificate is suspended.',
  },
});

interface Values {
  until: Dayjs;
  reason: string;
}

/**
 * The holder suspends its valid certificate for a while: the last day lies between tomorrow
 * (Shenzhen's calendar) and the latest day the API gives for a suspension asked today.
 */
export function VoluntarySuspension({ certificate }: { certificate: Certificate }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const latest = certificate.surveillance.voluntarySuspensionLatest;
  if (certificate.status !== 'valid' || !latest) return null;
  if (!open) return <Button onClick={() => setOpen(true)}>{t('ask')}</Button>;
  const earliest = inShenzhen(new Date()).add(1, 'day').format('YYYY-MM-DD');
  // Compared as Shenzhen calendar dates (YYYY-MM-DD strings order as dates).
  const outside = (day: Dayjs) => day.format('YYYY-MM-DD') < earliest || day.format('YYYY-MM-DD') > latest;
  return (
    <div style={{ width: '100%' }}>
      <CaseActionForm<Values>
        name="voluntary-suspension"
        title={t('title', { number: certificate.number })}
        submit={t('submit')}
        done={t('done')}
        danger
        caseKey={['certificate', certificate.id]}
        before={<Typography.Paragraph>{t('explain', { latest: formatDate(latest) })}</Typography.Paragraph>}
        onSubmit={(v) =>
          unwrap(
            api.POST('/api/v1/certificates/{id}/voluntary-suspension', {
              params: { path: { id: certificate.id } },
              body: { until: v.until.format('YYYY-MM-DD'), reason: v.reason.trim() },
            }),
          )
        }
      >
        <Form.Item name="until" label={t('until')} rules={[{ required: true, message: t('untilRequired') }]}>
          <DatePicker disabledDate={outside} minDate={dayjs(earliest)} maxDate={dayjs(latest)} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </CaseActionForm>
    </div>
  );
}
