import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useErrorSentence } from '../api/error-sentences';
import { ApiError } from '../api/client';
import { defineMessages, useT } from '../i18n/language';

const messages = defineMessages({
  zh: { retry: '重试', empty: '暂无数据', notFound: '找不到该页面或记录' },
  en: { retry: 'Try again', empty: 'Nothing here yet', notFound: 'No such page or record' },
});

/** A failed load as a sentence in the person's language, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(messages);
  const sentence = useErrorSentence();
  if (error instanceof ApiError && error.status === 404) return <Result status="404" title={t('notFound')} subTitle={sentence(error)} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={sentence(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        )
      }
    />
  );
}

export function EmptyState({ description }: { description?: ReactNode }) {
  const t = useT(messages);
  return <Empty description={description ?? t('empty')} />;
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Loading, error and (when `isEmpty` says so) empty states around what a query answered. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active aria-busy="true" />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <EmptyState description={empty} />;
  return <>{children(query.data)}</>;
}

export function NotFoundPage() {
  const t = useT(messages);
  return <Result status="404" title={t('notFound')} />;
}
