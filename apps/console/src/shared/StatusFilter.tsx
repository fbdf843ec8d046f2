import { Select, Space } from 'antd';
import { useLanguage } from '../i18n/language';
import { labelOf, STATUS_LABELS, statusLabel, type StatusFamily } from '../i18n/labels';

/** A list's status filter (its value lives in the URL): "all" or one state of the family. */
export function StatusFilter<S extends string>({
  family,
  statuses,
  value,
  onChange,
  label,
  allLabel,
}: {
  family: StatusFamily;
  statuses: readonly S[];
  value: S | undefined;
  onChange: (value: S | undefined) => void;
  label: string;
  allLabel: string;
}) {
  const { language } = useLanguage();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<S | ''>
        aria-label={label}
        value={value ?? ''}
        onChange={(v) => onChange(v || undefined)}
        style={{ width: 200 }}
        options={[{ value: '', label: allLabel }, ...statuses.map((s) => ({ value: s, label: statusLabel(family, s, language) }))]}
      />
    </Space>
  );
}

/**
 * A status select for a filter bar beside other filters: one state of a family (every state of its
 * table unless `statuses` narrows them), cleared to show all. The placeholder (the label unless
 * given, e.g. "all statuses") says what an empty filter shows.
 */
export function StatusSelect({
  family,
  label,
  value,
  onChange,
  statuses,
  placeholder = label,
  width = 160,
}: {
  family: StatusFamily;
  label: string;
  placeholder?: string;
  value: string | undefined;
  onChange: (status: string | undefined) => void;
  statuses?: readonly string[];
  width?: number;
}) {
  const { language } = useLanguage();
  const table = STATUS_LABELS[family] as Record<string, { zh: string; en: string }>;
  return (
    <Select
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      value={value}
      options={(statuses ?? Object.keys(table)).map((s) => ({ value: s, label: labelOf(table, s, language) }))}
      onChange={(status?: string) => onChange(status)}
    />
  );
}
