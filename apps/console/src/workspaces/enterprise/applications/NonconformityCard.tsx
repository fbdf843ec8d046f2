import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Tag, Typography, type UploadFile } from 'antd';
import { useEffect, useRef } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { EvidenceList } from '../../../shared/evidence/EvidenceList';
import { EvidenceUpload, evidenceFileIds, type EvidenceFile } from '../../../shared/evidence/EvidenceUpload';
import { StatusTag } from '../../../shared/StatusTag';
import { RefusalAlert, useRefusal } from '../../../shared/Refusal';

type Nonconformity = Schemas['NonconformityView'];

interface AnswerValues {
  correctiveAction: string;
  evidenceFileIds: UploadFile<EvidenceFile>[];
}

const messages = defineMessages({
  zh: {
    title: '不符合项 {clause}',
    noClause: '（未指明条款）',
    major: '严重',
    minor: '一般',
    description: '不符合内容',
    dueOn: '整改期限',
    correctiveAction: '纠正措施',
    evidence: '整改证据',
    answeredAt: '答复时间',
    closedAt: '关闭时间',
    answer: '提交整改答复',
    required: '请说明采取的纠正措施',
  },
  en: {
    title: 'Nonconformity {clause}',
    noClause: '(no clause named)',
    major: 'Major',
    minor: 'Minor',
    description: 'Nonconformity',
    dueOn: 'Correct by',
    correctiveAction: 'Corrective action',
    evidence: 'Evidence',
    answeredAt: 'Answered',
    closedAt: 'Closed',
    answer: 'Send the answer',
    required: 'Describe the corrective action taken',
  },
});

function AnswerForm({ nonconformity }: { nonconformity: Nonconformity }) {
  const t = useT(messages);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AnswerValues>();
  const { refusal, onError, clear } = useRefusal(form);
  const answer = useMutation({
    mutationFn: (values: AnswerValues) =>
      unwrap(
        api.POST('/api/v1/nonconformities/{id}/answer', {
          params: { path: { id: nonconformity.id } },
          body: { correctiveAction: values.correctiveAction, evidenceFileIds: evidenceFileIds(values.evidenceFileIds) },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      void queryClient.invalidateQueries({ queryKey: ['nonconformities'] });
      void queryClient.invalidateQueries({ queryKey: ['worklist'] });
    },
    onError,
  });
  return (
    <Form<AnswerValues>
      form={form}
      layout="vertical"
      onFinish={(values) => {
        clear();
        answer.mutate(values);
      }}
      initialValues={{ correctiveAction: '', evidenceFileIds: [] }}
    >
      <RefusalAlert refusal={refusal} />
      <Form.Item name="correctiveAction" label={t('correctiveAction')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="evidenceFileIds" label={t('evidence')} valuePropName="value">
        <EvidenceUpload />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {t('answer')}
      </Button>
    </Form>
  );
}

/** One nonconformity of an audit: what was found, and the answer form while it is open, the answer once given. */
export function NonconformityCard({ nonconformity: nc }: { nonconformity: Nonconformity }) {
  const t = useT(messages);
  const ref = useRef<HTMLDivElement>(null);
  // Arriving from the nonconformities list (#nc-<id>): the card is loaded after the page, so the browser cannot scroll to it itself.
  useEffect(() => {
    if (window.location.hash === `#nc-${nc.id}`) ref.current?.scrollIntoView({ block: 'start' });
  }, [nc.id]);
  return (
    <Card
      ref={ref}
      id={`nc-${nc.id}`}
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>
          {t('title', { clause: nc.clause ?? t('noClause') })} <Tag color={nc.grade === 'major' ? 'red' : 'orange'}>{t(nc.grade)}</Tag>
          <StatusTag family="nonconformity" status={nc.status} />
        </Typography.Title>
      }
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'description', label: t('description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{nc.description}</span> },
          { key: 'dueOn', label: t('dueOn'), children: formatDate(nc.dueOn) },
          ...(nc.correctiveAction
            ? [{ key: 'ca', label: t('correctiveAction'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{nc.correctiveAction}</span> }]
            : []),
          ...(nc.evidenceFiles.length ? [{ key: 'ev', label: t('evidence'), children: <EvidenceList files={nc.evidenceFiles} /> }] : []),
          ...(nc.answeredAt ? [{ key: 'answeredAt', label: t('answeredAt'), children: formatDateTime(nc.answeredAt) }] : []),
          ...(nc.closedAt ? [{ key: 'closedAt', label: t('closedAt'), children: formatDateTime(nc.closedAt) }] : []),
        ]}
      />
      {nc.status === 'open' && <AnswerForm nonconformity={nc} />}
    </Card>
  );
}
