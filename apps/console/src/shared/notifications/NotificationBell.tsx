import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { defineMessages, useT } from '../../i18n/language';
import { UNREAD_POLL_MS, useUnreadCount } from './notifications';

const messages = defineMessages({
  zh: { bell: '通知（{count} 条未读）', bellNone: '通知' },
  en: { bell: 'Notifications ({count} unread)', bellNone: 'Notifications' },
});

/** The unread count in the header of every workspace; pressing it opens the inbox. */
export function NotificationBell() {
  const t = useT(messages);
  const navigate = useNavigate();
  const unread = useUnreadCount(UNREAD_POLL_MS);
  const count = unread.data ?? 0;
  // The name carries the count, so a screen reader hears it with the button; the badge is drawn for the eye only.
  return (
    <Button
      type="text"
      aria-label={count > 0 ? t('bell', { count }) : t('bellNone')}
      onClick={() => void navigate('/notifications')}
      icon={
        <Badge count={count} size="small" overflowCount={99} aria-hidden>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );
}
