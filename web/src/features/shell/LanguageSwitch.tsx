import { useI18n, type Locale } from '../../i18n/I18nProvider';

const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'it', name: 'Italiano' },
  { locale: 'en', name: 'English' },
];

/** Two toggle buttons in the slim header; each language is named in itself. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.shell.language}>
      {LANGUAGES.map((language) => (
        <button
          key={language.locale}
          type="button"
          lang={language.locale}
          className="btn btn-sm"
          aria-pressed={locale === language.locale}
          onClick={() => setLocale(language.locale)}
        >
          {language.name}
        </button>
      ))}
    </div>
  );
}
