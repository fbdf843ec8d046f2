import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Segmented, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { formatDateTime } from '../dates';
import { PagedTable } from '../PagedTable';
import { ActionAlert } from '../Refusal';
import { useListParams } from '../url-state';
import { consoleRoute, NOTIFICATIONS_KEY, subjectIn, useUnreadCount } from './notifications';
import { PageTitle } from '../PageTitle';

const messages = defineMessages({
  zh: {
    title: '通知',
    caption: '我的通知（最新的在前）',
    show: '显示',
    all: '全部',
    unreadOnly: '仅未读',
    readAll: '全部标为已读',
    unreadCount: '{count} 条未读',
    subject: '主题',
    number: '编号',
    time: '时间（北京时间）',
    state: '状态',
    unread: '未读',
    read: '已读',
    actions: '操作',
    markRead: '标为已读',
    markUnread: '标为未读',
    empty: '没有通知',
    emptyUnread: '没有未读通知',
  },
  en: {
    title: 'Notifications',
    caption: 'My notifications (newest first)',
    show: 'Show',
    all: 'All',
    unreadOnly: 'Unread only',
    readAll: 'Mark all read',
    unreadCount: '{count} unread',
    subject: 'Subject',
    number: 'Number',
    time: 'Time (Beijing)',
    state: 'State',
    unread: 'Unread',
    read: 'Read',
    actions: 'Actions',
    markRead: 'Mark read',
    markUnread: 'Mark unread',
    empty: 'No notifications',
    emptyUnread: 'No unread notifications',
  },
});

const FILTERS = ['unread'] as const;
type Notification = Schemas['NotificationView'];

/** The signed-in person's inbox: what the platform told them, newest first, read and unread. */
export default function InboxPage() {
  const t = useT(messages);
  const { language } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS);
  const unreadOnly = filters.unread === 'true';
  // The bell's query: the count the header shows is the one this page shows.
  const count = useUnreadCount();
  const refresh = () => client.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] });

  const mark = useMutation({
    mutationFn: ({ id, read }: { id: string; read: boolean }) =>
      unwrap(api.POST(read ? '/api/v1/notifications/{id}/read' : '/api/v1/notifications/{id}/unread', { params: { path: { id } } })),
    onSettled: refresh,
  });
  const readAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')), onSettled: refresh });

  /** Opening a message reads it: marked first, so the count has dropped when the page it points to shows. */
  const open = async (n: Notification) => {
    if (!n.read) await mark.mutateAsync({ id: n.id, read: true }).catch(() => undefined);
    const route = consoleRoute(n.link);
    if (route) void navigate(route);
    else window.location.assign(n.link);
  };

  return (
    <>
      <PageTitle title={t('title')}>
        <Space wrap>
          {count.data !== undefined && <Typography.Text type="secondary">{t('unreadCount', { count: count.data })}</Typography.Text>}
          <Button icon={<CheckOutlined />} disabled={count.data === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('readAll')}
          </Button>
        </Space>
      </PageTitle>
      <ActionAlert error={mark.error ?? readAll.error} />
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text id="inbox-filter">{t('show')}</Typography.Text>
        <Segmented
          aria-labelledby="inbox-filter"
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('unreadOnly') },
          ]}
          onChange={(value) => setFilters({ unread: value === 'unread' ? 'true' : undefined })}
        />
      </Space>
      <PagedTable<Notification>
        queryKey={[NOTIFICATIONS_KEY, 'list', unreadOnly]}
        fetchPage={(p, size) =>
          unwrap(api.GET('/api/v1/notifications', { params: { query: { page: p, pageSize: size, unread: unreadOnly ? true : undefined } } }))
        }
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        rowKey="id"
        caption={t('caption')}
        empty={unreadOnly ? t('emptyUnread') : t('empty')}
        columns={[
          {
            title: t('state'),
            key: 'state',
            width: 110,
            // One line in either language ("● Unread" wrapped under its dot at 90 px).
            render: (_, n) => <Badge status={n.read ? 'default' : 'processing'} text={n.read ? t('read') : t('unread')} />,
          },
          {
            title: t('subject'),
            key: 'subject',
            render: (_, n) => (
              // A real link (its address shows, a middle click opens a tab); a plain click reads the message on the way.
              <Typography.Link
                href={n.link}
                strong={!n.read}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
                  e.preventDefault();
                  void open(n);
                }}
              >
                {subjectIn(n.subject, language)}
              </Typography.Link>
            ),
          },
          { title: t('number'), dataIndex: 'subjectNumber', render: (v: string | null) => v ?? '—' },
          { title: t('time'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: t('actions'),
            key: 'actions',
            width: 130,
            render: (_, n) => (
              <Button
                size="small"
                autoInsertSpace={false}
                aria-label={`${n.read ? t('markUnread') : t('markRead')}: ${subjectIn(n.subject, language)}`}
                onClick={() => mark.mutate({ id: n.id, read: !n.read })}
              >
                {n.read ? t('markUnread') : t('markRead')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
