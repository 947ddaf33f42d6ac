import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { it, type Messages } from './it';
import { en } from './en';

export type Locale = 'it' | 'en';

const DICTIONARIES: Record<Locale, Messages> = { it, en };
export const LOCALE_STORAGE_KEY = 'legami.locale';

interface I18nValue {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

/** Italian by default; the language chosen in the header is remembered in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage: the choice then lasts for this visit only.
    }
  }, []);

  const value = useMemo(() => ({ locale, t: DICTIONARIES[locale], setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The dictionary of the current language. */
export function useT(): Messages {
  return useI18n().t;
}
