import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { ExportLinks } from '../../features/cases/ExportLinks';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GDPR art. 15 for the DPO: a person's data as JSON and as PDF, through the server's access rules. */
export function PrivacyExportPage() {
  const t = useT();
  const x = t.site.dataExport;
  const [personId, setPersonId] = useState('');
  const [ready, setReady] = useState<string>();
  const [error, setError] = useState<string>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const id = personId.trim();
    if (!UUID.test(id)) {
      setError(x.personIdInvalid);
      setReady(undefined);
      return;
    }
    setError(undefined);
    setReady(id);
  };
  return (
    <Page title={x.title} lead={x.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <form onSubmit={onSubmit} noValidate className="row align-items-end">
        <TextField
          id="privacy-person"
          className="col-12 col-md-8"
          label={x.personId}
          value={personId}
          onChange={setPersonId}
          required
          hint={x.personIdHint}
          error={error}
        />
        <div className="col-12 col-md-4 mb-3">
          <button type="submit" className="btn btn-primary">
            {x.show}
          </button>
        </div>
      </form>
      {ready && <ExportLinks personId={ready} />}
    </Page>
  );
}
