import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useT } from '../../../i18n/language';
import { inShenzhen } from '../../../shared/dates';
import { ActionAlert, RefusalAlert, useRefusal } from '../../../shared/Refusal';
import { QueryState } from '../../../shared/states';
import { PageTitle } from '../../../shared/PageTitle';

const messages = defineMessages({
  zh: {
    title: '节假日与调休',
    intro: '工作日按北京时间的周一至周五计算，减去下表的节假日，加上调休上班日。',
    year: '年份',
    add: '新增日期',
    editTitle: '修改 {date}',
    date: '日期',
    kind: '类型',
    holiday: '节假日（休息）',
    workday: '调休上班日',
    nameZh: '中文名称',
    nameEn: '英文名称',
    actions: '操作',
    edit: '修改',
    delete: '删除',
    deleteConfirm: '删除 {date}（{name}）？删除后该日按普通的工作日或周末计算。',
    yes: '删除',
    no: '取消',
    save: '保存',
    cancel: '取消',
    required: '请填写此项',
    caption: '{year} 年的节假日与调休上班日',
    empty: '该年份没有登记节假日',
  },
  en: {
    title: 'Holidays and adjusted working days',
    intro: 'Working days are Monday to Friday in Beijing time, minus the holidays below, plus the adjusted working days.',
    year: 'Year',
    add: 'Add a date',
    editTitle: 'Edit {date}',
    date: 'Date',
    kind: 'Kind',
    holiday: 'Holiday (day off)',
    workday: 'Adjusted working day',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    actions: 'Actions',
    edit: 'Edit',
    delete: 'Delete',
    deleteConfirm: 'Delete {date} ({name})? The day then counts as an ordinary weekday or weekend day.',
    yes: 'Delete',
    no: 'Cancel',
    save: 'Save',
    cancel: 'Cancel',
    required: 'Please fill this in',
    caption: 'Holidays and adjusted working days of {year}',
    empty: 'No holidays recorded for this year',
  },
});

type Holiday = Schemas['HolidayView'];
type HolidayForm = Schemas['HolidayDto'] & { date: string };
const HOLIDAYS_KEY = 'holidays';

/** The holiday table the scheme counts working days by (the regulator keeps it). */
export default function HolidaysPage() {
  const t = useT(messages);
  const client = useQueryClient();
  // The year lives in the URL, as list filters do: a reload or a shared link shows the same year.
  const [params, setParams] = useSearchParams();
  const thisYear = inShenzhen(new Date()).year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const holidays = useQuery({
    queryKey: [HOLIDAYS_KEY, year],
    queryFn: () => unwrap(api.GET('/api/v1/holidays', { params: { query: { year: String(year) } } })),
  });
  const remove = useMutation({
    mutationFn: (date: string) => unwrap(api.DELETE('/api/v1/holidays/{date}', { params: { path: { date } } })),
    onSettled: () => client.invalidateQueries({ queryKey: [HOLIDAYS_KEY] }),
  });
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageTitle title={t('title')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('add')}
        </Button>
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('year')}
          style={{ width: 120 }}
          value={year}
          options={years.sort().map((y) => ({ value: y, label: String(y) }))}
          onChange={(y: number) => setParams({ year: String(y) })}
        />
      </Space>
      <ActionAlert error={remove.error} />
      <QueryState query={holidays}>
        {(rows) => (
          <Table<Holiday>
            rowKey="date"
            dataSource={rows}
            pagination={false}
            title={() => t('caption', { year })}
            locale={{ emptyText: t('empty') }}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 130 },
              {
                title: t('kind'),
                dataIndex: 'kind',
                render: (kind: Holiday['kind']) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(kind)}</Tag>,
              },
              { title: t('nameZh'), dataIndex: 'nameZh' },
              { title: t('nameEn'), dataIndex: 'nameEn' },
              {
                title: t('actions'),
                key: 'actions',
                render: (_, h) => (
                  <Space size={4}>
                    <Button size="small" autoInsertSpace={false} aria-label={`${t('edit')} ${h.date}`} onClick={() => setEditing(h)}>
                      {t('edit')}
                    </Button>
                    <Popconfirm
                      title={t('deleteConfirm', { date: h.date, name: h.nameZh })}
                      okText={t('yes')}
                      cancelText={t('no')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(h.date).catch(() => undefined)}
                    >
                      <Button size="small" autoInsertSpace={false} danger aria-label={`${t('delete')} ${h.date}`}>
                        {t('delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <HolidayEditor
          holiday={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            void client.invalidateQueries({ queryKey: [HOLIDAYS_KEY] });
            // The list shows the year of the date just saved, so the person sees it there.
            setParams({ year: saved.date.slice(0, 4) });
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

function HolidayEditor({ holiday, onClose, onSaved }: { holiday: Holiday | null; onClose: () => void; onSaved: (saved: Holiday) => void }) {
  const t = useT(messages);
  const [form] = Form.useForm<HolidayForm>();
  const refusal = useRefusal(form);
  const save = useMutation({
    // PUT sets the day whole: adding and editing are the same call.
    mutationFn: ({ date, kind, nameZh, nameEn }: HolidayForm) =>
      unwrap(api.PUT('/api/v1/holidays/{date}', { params: { path: { date } }, body: { kind, nameZh, nameEn } })),
    onSuccess: onSaved,
    onError: refusal.onError,
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={holiday ? t('editTitle', { date: holiday.date }) : t('add')}
      onCancel={onClose}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
    >
      <RefusalAlert refusal={refusal.refusal} />
      <Form
        form={form}
        layout="vertical"
        initialValues={holiday ?? { kind: 'holiday', date: '', nameZh: '', nameEn: '' }}
        onFinish={(values) => {
          refusal.clear();
          save.mutate({ ...values, date: holiday?.date ?? values.date });
        }}
      >
        <Form.Item name="date" label={t('date')} rules={required}>
          <Input type="date" disabled={!!holiday} />
        </Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={required}>
          <Select
            options={[
              { value: 'holiday', label: t('holiday') },
              { value: 'workday', label: t('workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('nameEn')} rules={required}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
