import { useT } from '../../i18n/I18nProvider';
import { exportUrl } from './api';

/** The two downloads of a person's data (GDPR art. 15): JSON and PDF, through the server's access rules. */
export function ExportLinks({ personId }: { personId: string }) {
  const x = useT().site.dataExport;
  return (
    <p className="d-flex flex-wrap gap-3">
      <a className="btn btn-outline-primary" href={exportUrl(personId, 'json')} download>
        {x.json}
      </a>
      <a className="btn btn-outline-primary" href={exportUrl(personId, 'pdf')} download>
        {x.pdf}
      </a>
    </p>
  );
}
