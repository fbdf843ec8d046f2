/** Bilingual names of the API: the English one when English is chosen and there is one. */
export const nameIn = (language: 'zh' | 'en', zh: string, en?: string | null): string => (language === 'en' && en ? en : zh);
