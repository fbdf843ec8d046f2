import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
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
  const shown = count > 99 ? '99+' : String(count);
  // The name carries the count, so a screen reader hears it with the button. The number drawn over the bell is
  // outside the button and hidden from assistive technology: inside, its text would not match the name's
  // wording (axe: label-content-name-mismatch); Ant Design's Badge also animates a column of digits.
  return (
    <span className="bell">
      <Button
        type="text"
        aria-label={count > 0 ? t('bell', { count: shown }) : t('bellNone')}
        onClick={() => void navigate('/notifications')}
        icon={<BellOutlined style={{ fontSize: 18 }} />}
      />
      {count > 0 && (
        <span className="bell-count" aria-hidden="true">
          {shown}
        </span>
      )}
    </span>
  );
}
