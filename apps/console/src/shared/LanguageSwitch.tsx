import { Segmented } from 'antd';
import { useLanguage, type Language } from '../i18n/language';

/** 中文 / English, always in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label="语言 / Language"
      value={language}
      onChange={setLanguage}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
