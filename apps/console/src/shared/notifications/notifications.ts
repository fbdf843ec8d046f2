import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Language } from '../../i18n/language';

/** Every notifications query starts with this key: one invalidation refreshes the bell and the inbox together. */
export const NOTIFICATIONS_KEY = 'notifications';

/** The bell asks again this often, and when the window gets the focus back (the query client's default). */
export const UNREAD_POLL_MS = 60_000;

/**
 * The API's subjects are "zh / en" (templates, zh first): the part in the console's language. A
 * subject without the separator (an older or a one-language message) is shown as it came.
 */
export function subjectIn(subject: string, language: Language): string {
  const at = subject.indexOf(' / ');
  if (at < 0) return subject;
  return language === 'zh' ? subject.slice(0, at) : subject.slice(at + 3);
}

/** A link into the console, as a route of the console's router (its basename is /console); undefined for any other path. */
export function consoleRoute(link: string): string | undefined {
  if (link === '/console') return '/';
  return link.startsWith('/console/') ? link.slice('/console'.length) : undefined;
}

/**
 * The unread count (the bell's, the inbox's: one query). One message is enough to learn it, since
 * unreadCount covers the whole inbox whatever the page; `poll` keeps asking while the page is open.
 */
export function useUnreadCount(poll?: number) {
  return useQuery({
    queryKey: [NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { pageSize: 1 } } })),
    select: (page) => page.unreadCount,
    refetchInterval: poll,
  });
}
