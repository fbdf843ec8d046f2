import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The scheme runs on Shenzhen's clock, whatever the reader's computer says. */
export const SCHEME_TIME_ZONE = 'Asia/Shanghai';

export const inShenzhen = (value: string | Date | dayjs.Dayjs): dayjs.Dayjs => dayjs(value).tz(SCHEME_TIME_ZONE);

export const formatDate = (value: string | null | undefined): string => (value ? inShenzhen(value).format('YYYY-MM-DD') : '—');
export const formatDateTime = (value: string | null | undefined): string => (value ? inShenzhen(value).format('YYYY-MM-DD HH:mm') : '—');

export { dayjs };
