import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useT } from '../../i18n/language';
import { ActionAlert } from '../Refusal';

const messages = defineMessages({
  zh: {
    title: '转为投诉',
    text: '举报的情况需要调查时，可转为一件关于该证书的投诉，由发证机构按投诉处理（指定调查人、记录结果并结案）。',
    escalate: '转为投诉',
    escalated: '已转为投诉：',
    view: '查看投诉',
    needsCertificate: '举报未对应到证书，不能转为投诉。',
  },
  en: {
    title: 'Escalate to a complaint',
    text: 'When a report needs investigating, escalate it to a complaint about its certificate, handled by the certificate’s body as a complaint (investigator, outcome, closing).',
    escalate: 'Escalate to a complaint',
    escalated: 'Escalated to a complaint:',
    view: 'View the complaint',
    needsCertificate: 'The report matched no certificate, so it cannot become a complaint.',
  },
});

/** A misuse report's way to a complaint (body and regulator): the button, or the link once escalated. */
export function EscalateToComplaint({ report }: { report: Schemas['MisuseReportView'] }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const escalate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/misuse-reports/{id}/escalate', { params: { path: { id: report.id } } })),
    onSuccess: async (complaint) => {
      await queries.invalidateQueries({ queryKey: ['complaints'] });
      void navigate(`/complaints/${complaint.id}`);
    },
  });
  return (
    <Card title={t('title')} size="small" style={{ marginTop: 16 }}>
      {report.complaintId ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('escalated')} <Link to={`/complaints/${report.complaintId}`}>{t('view')}</Link>
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{report.certificate ? t('text') : t('needsCertificate')}</Typography.Paragraph>
          <ActionAlert error={escalate.error} />
          <Button disabled={!report.certificate} loading={escalate.isPending} onClick={() => escalate.mutate()}>
            {t('escalate')}
          </Button>
        </>
      )}
    </Card>
  );
}
