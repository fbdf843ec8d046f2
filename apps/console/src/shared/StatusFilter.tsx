import { Select, Space } from 'antd';
import { useLanguage } from '../i18n/language';
import { statusLabel, type StatusFamily } from '../i18n/labels';

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
