import { Input } from 'antd';

/**
 * A list's text search, its term kept in the URL: re-mounted when the URL's term changes, so going
 * back and forward shows the term the list was found by; the term is sent trimmed, empty clears it.
 */
export function ListSearch({
  label,
  placeholder = label,
  value,
  onSearch,
  width = 280,
}: {
  label: string;
  placeholder?: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  width?: number;
}) {
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder}
      allowClear
      key={value ?? ''}
      defaultValue={value}
      style={{ width }}
      onSearch={(q) => onSearch(q.trim() || undefined)}
    />
  );
}
