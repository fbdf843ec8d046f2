import { useQuery } from '@tanstack/react-query';
import { useOrganization } from '../../../shared/organizations/use-organization';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { defineMessages, useLanguage, useT } from '../../../i18n/language';
import { useSettled } from '../../../shared/use-settled';
import { nameIn } from '../common';

const messages = defineMessages({
  zh: { enterprise: '输入企业名称或信用代码查找', certification_body: '输入认证机构名称或信用代码查找' },
  en: { enterprise: 'Type a name or credit code to find the enterprise', certification_body: 'Type a name or credit code to find the certification body' },
});

/** Typing pauses this long before the server is asked, so a name typed whole is one request, not one a key. */
const SEARCH_PAUSE_MS = 250;

type Organization = Schemas['OrganizationView'];

/**
 * An organization of one kind (an enterprise, a certification body) picked by part of its name or
 * its credit code, for a Form.Item: they are many, so they are looked up on the server by what is
 * typed, never loaded whole. Everything Form.Item hands its control (`id` for the label, `value`,
 * `onChange`, the aria-* of its validation) goes on to the select; the value is the organization's id.
 */
export function OrganizationSelect({
  kind,
  onChange,
  ...select
}: { kind: 'enterprise' | 'certification_body' } & Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'>) {
  const t = useT(messages);
  const { language } = useLanguage();
  const [typed, setTyped] = useState('');
  const search = useSettled(typed.trim(), SEARCH_PAUSE_MS);
  // The organization picked, kept so the field goes on showing its name once the list holds others.
  const [picked, setPicked] = useState<Organization>();
  const organizations = useQuery({
    queryKey: ['organizations', { kind, q: search }, 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations', { params: { query: { kind, q: search || undefined, page: 1, pageSize: 20 } } })),
  });
  const found = organizations.data?.items ?? [];
  // A value the field starts with (a filter kept in the URL) is read by its id, so it shows as a name.
  const value = typeof select.value === 'string' ? select.value : undefined;
  const held = useOrganization(value, picked?.id !== value);
  const current = picked?.id === value ? picked : held.data?.id === value ? held.data : undefined;
  const shown = current && !found.some((o) => o.id === current.id) ? [current, ...found] : found;
  return (
    <Select<string>
      placeholder={t(kind)}
      {...select}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={organizations.isFetching}
      options={shown.map((o) => ({ value: o.id, label: `${nameIn(language, o.nameZh, o.nameEn)} (${o.creditCode})` }))}
      onChange={(id, option) => {
        setPicked(shown.find((o) => o.id === id));
        onChange?.(id, option);
      }}
    />
  );
}
