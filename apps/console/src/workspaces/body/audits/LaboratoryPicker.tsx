import { useQuery } from '@tanstack/react-query';
import { AutoComplete } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';

/**
 * The CNAS number of a test report, typed or picked from the laboratory register (accredited ones,
 * found by number, name or parameter): the API accepts only a registered laboratory accredited for
 * the requirement, so picking it saves a refusal. Picking one also fills in its name.
 */
export function LaboratoryPicker({
  value,
  onChange,
  onPick,
  id,
  disabled,
}: {
  value?: string;
  onChange?: (value: string) => void;
  onPick: (laboratory: Schemas['LaboratorySummary']) => void;
  id?: string;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const term = search.trim().replace(/^CNAS\s*/i, '');
  const found = useQuery({
    queryKey: ['laboratories', 'pick', term],
    queryFn: () => unwrap(api.GET('/api/v1/laboratories', { params: { query: { q: term, status: 'accredited', pageSize: 8 } } })),
    enabled: term.length >= 2,
    staleTime: 60_000,
  });
  const labs = term.length >= 2 ? (found.data?.items ?? []) : [];
  return (
    <AutoComplete
      id={id}
      value={value}
      disabled={disabled}
      placeholder="CNAS L0235"
      options={labs.map((l) => ({ value: `CNAS ${l.cnasNumber}`, label: `${l.cnasNumber} ${l.nameZh}` }))}
      onSearch={setSearch}
      onChange={(v: string) => onChange?.(v)}
      onSelect={(v: string) => {
        const lab = labs.find((l) => `CNAS ${l.cnasNumber}` === v);
        if (lab) onPick(lab);
      }}
    />
  );
}
