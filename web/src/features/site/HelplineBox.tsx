import { Icon } from 'design-react-kit';
import type { Helpline } from '../../../../shared/src/site/site.schemas';
import { useT } from '../../i18n/I18nProvider';
import './helpline.css';

/** The help-line number and hours in large type, as a link that dials it on a phone. */
export function HelplineBox({ helpline }: { helpline: Helpline }) {
  const t = useT().site.helpline;
  return (
    <section className="helpline-box rounded p-4 mb-4" aria-labelledby="helpline-title">
      <h2 id="helpline-title" className="h3 mb-2">
        {t.title}
      </h2>
      <p className="helpline-number mb-2">
        <a href={`tel:${helpline.phone.replace(/[^+0-9]/g, '')}`} aria-label={`${t.call} ${helpline.phone}`}>
          <Icon icon="it-telephone" color="primary" size="lg" aria-hidden="true" className="me-2" />
          {helpline.phone}
        </a>
      </p>
      <p className="helpline-hours mb-1">{t.hours(helpline.hours)}</p>
      {helpline.demo && <p className="mb-1 small">{t.demo}</p>}
      <p className="mb-0">{t.emergency}</p>
    </section>
  );
}
