import { Table, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { defineMessages, useT } from '../i18n/language';
import { EmptyState, ErrorState } from './states';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const messages = defineMessages({
  zh: { total: '共 {total} 条' },
  en: { total: '{total} in all' },
});

interface PagedTableProps<T> {
  /** Identifies the list and its filters for the query cache. */
  queryKey: readonly unknown[];
  /** Asks the server for one page: lists are never loaded whole. */
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  caption?: string;
  empty?: string;
  onRow?: (record: T) => React.HTMLAttributes<HTMLElement>;
}

/** A server-paginated table with its loading, empty and error states. */
export function PagedTable<T extends object>({
  queryKey,
  fetchPage,
  page,
  pageSize,
  onPageChange,
  columns,
  rowKey,
  caption,
  empty,
  onRow,
}: PagedTableProps<T>) {
  const t = useT(messages);
  const query = useQuery({ queryKey: [...queryKey, page, pageSize], queryFn: () => fetchPage(page, pageSize), placeholderData: keepPreviousData });
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey={rowKey}
      columns={columns}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      locale={{ emptyText: <EmptyState description={empty} /> }}
      title={caption ? () => caption : undefined}
      onRow={onRow}
      pagination={{
        current: page,
        pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
