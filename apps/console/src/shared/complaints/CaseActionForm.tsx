import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form } from 'antd';
import type { ReactNode } from 'react';
import { RefusalAlert, useRefusal } from '../Refusal';

/**
 * One step of a complaint or an appeal as a small form: the refusal shown where it was taken (400s
 * onto the fields), the case re-read after success or a refused step (its state may have moved).
 */
export function CaseActionForm<V extends object>({
  name,
  title,
  submit,
  done,
  caseKey,
  onSubmit,
  children,
  before,
  danger = false,
}: {
  /** The form's name: its fields' ids start with it, so two forms on a page never share an id. */
  name: string;
  title: string;
  submit: string;
  done: string;
  caseKey: readonly unknown[];
  onSubmit: (values: V) => Promise<unknown>;
  children?: ReactNode;
  /** What the person should know before the click (an independence rule). */
  before?: ReactNode;
  danger?: boolean;
}) {
  const [form] = Form.useForm<V>();
  const queries = useQueryClient();
  const { refusal, onError, clear } = useRefusal(form);
  const step = useMutation({
    mutationFn: onSubmit,
    onMutate: clear,
    onSuccess: () => {
      form.resetFields();
      return queries.invalidateQueries({ queryKey: caseKey });
    },
    onError: (e) => {
      onError(e);
      void queries.invalidateQueries({ queryKey: caseKey });
    },
  });
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      {before}
      {step.isSuccess && <Alert type="success" showIcon role="status" title={done} style={{ marginBottom: 16 }} />}
      <RefusalAlert refusal={refusal} />
      <Form form={form} name={name} layout="vertical" onFinish={(values) => step.mutate(values)} disabled={step.isPending} style={{ maxWidth: 640 }}>
        {children}
        <Button type="primary" danger={danger} htmlType="submit" loading={step.isPending}>
          {submit}
        </Button>
      </Form>
    </Card>
  );
}
