import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { italian } from './italian';
import type { Messages } from './it';

export type Locale = 'it' | 'en';

// Most visitors read Italian: the English dictionary is its own bundle, fetched when chosen.
const loadEnglish = () => import('./en').then((module) => module.en);
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

/**
 * Italian by default; the language chosen in the header is remembered in localStorage. English
 * shows once its dictionary has arrived (Italian meanwhile).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setLocaleState] = useState<Locale>(storedLocale);
  const [english, setEnglish] = useState<Messages | null>(null);
  const locale: Locale = chosen === 'en' && english ? 'en' : 'it';

  useEffect(() => {
    if (chosen !== 'en' || english) return;
    // Offline without the bundle cached: the page stays in Italian.
    loadEnglish().then(setEnglish, () => setLocaleState('it'));
  }, [chosen, english]);

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

  const value = useMemo(
    () => ({ locale, t: locale === 'en' && english ? english : italian, setLocale }),
    [locale, english, setLocale],
  );
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
