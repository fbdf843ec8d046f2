import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** Only the choice of language is kept in the browser; never a credential. */
const STORAGE_KEY = 'szs.console.language';

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh' ? stored : 'zh';
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({ language: 'zh', setLanguage: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export const useLanguage = (): LanguageState => useContext(LanguageContext);

/**
 * A screen's texts in both languages, side by side: the English bundle must have every key the
 * Chinese one has (the type says so), so a screen cannot ship half-translated.
 */
export type Messages = Record<string, string>;
export interface Bundle<M extends Messages> {
  zh: M;
  en: { [K in keyof M]: string };
}

export const defineMessages = <M extends Messages>(bundle: Bundle<M>): Bundle<M> => bundle;

export type Translate<M extends Messages> = (key: keyof M, values?: Record<string, string | number>) => string;

/** `{name}` placeholders are filled from `values`. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function useT<M extends Messages>(bundle: Bundle<M>): Translate<M> {
  const { language } = useLanguage();
  return useCallback<Translate<M>>((key, values) => format(bundle[language][key] as string, values), [bundle, language]);
}
