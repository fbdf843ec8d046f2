import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { defineMessages, useLanguage, useT } from '../../i18n/language';
import { useSettled } from '../use-settled';

const messages = defineMessages({
  zh: { placeholder: '输入标准编号或名称查找' },
  en: { placeholder: 'Type a standard number or title to find it' },
});

type Standard = Schemas['StandardSummary'];

/**
 * A current standard picked by part of its number or title, for a Form.Item: the platform holds
 * more standards than one page of options, so they are looked up on the server by what is typed.
 * Form.Item's `id`, `value`, `onChange` and aria-* go on to the select; the value is the standard's id.
 */
export function StandardSelect({ onChange, ...select }: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'>) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [typed, setTyped] = useState('');
  const term = useSettled(typed.trim(), 250);
  // The standard picked, kept so the field goes on showing it once the list holds others.
  const [picked, setPicked] = useState<Standard>();
  const standards = useQuery({
    queryKey: ['standards', { status: 'current', q: term }, 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/standards', { params: { query: { status: 'current', q: term || undefined, page: 1, pageSize: 50 } } })),
  });
  const found = standards.data?.items ?? [];
  // A value the form started with (a new version of a declaration) is read by its id to be shown by its number.
  const given = typeof select.value === 'string' && picked?.id !== select.value && !found.some((s) => s.id === select.value) ? select.value : undefined;
  const start = useQuery({
    queryKey: ['standards', given],
    queryFn: () => unwrap(api.GET('/api/v1/standards/{id}', { params: { path: { id: given! } } })),
    enabled: Boolean(given),
  });
  const kept = picked?.id === select.value ? picked : start.data?.id === select.value ? start.data : undefined;
  const shown = kept && !found.some((s) => s.id === kept.id) ? [kept, ...found] : found;
  return (
    <Select<string>
      placeholder={t('placeholder')}
      {...select}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={standards.isFetching}
      options={shown.map((s) => ({ value: s.id, label: `${s.code}-${s.version} ${language === 'en' && s.titleEn ? s.titleEn : s.titleZh}` }))}
      onChange={(id, option) => {
        setPicked(shown.find((s) => s.id === id));
        onChange?.(id, option);
      }}
    />
  );
}
