import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Service, ServiceList } from '../../../../shared/src/catalog/catalog.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { managedServicesPath, moderateService } from '../../features/catalog/api';
import { unitPrice } from '../../features/catalog/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { TextAreaField } from '../../ui/fields';

/**
 * `/moderazione-servizi`: the Ambito's queue of services waiting for moderation (new ones, and
 * approved ones whose price changed). Approve makes a service public; reject needs a note.
 */
export function ModerationPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const queue = useApi<ServiceList>(managedServicesPath('pending'));
  const [done, setDone] = useState('');
  return (
    <Page
      title={t.moderation.title}
      lead={t.moderation.lead}
      breadcrumbs={[{ label: all.shell.home, to: '/' }]}
    >
      {done && <SuccessAlert>{done}</SuccessAlert>}
      <ApiErrorAlert error={queue.error} />
      {queue.loading && !queue.data && <Loading />}
      {queue.data?.items.length === 0 && <p>{t.moderation.empty}</p>}
      {queue.data?.items.map((s) => (
        <PendingService
          key={s.id}
          service={s}
          onDone={(message) => {
            setDone(message);
            queue.reload();
          }}
        />
      ))}
    </Page>
  );
}

function PendingService({ service: s, onDone }: { service: Service; onDone: (message: string) => void }) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const moderate = useAction(moderateService);
  const titleId = `pending-${s.id}`;
  const approve = async () => {
    const result = await moderate.run(s.id, { decision: 'approve' });
    if (result.ok) onDone(t.moderation.approved(s.name));
  };
  const reject = async (event: FormEvent) => {
    event.preventDefault();
    const result = await moderate.run(s.id, { decision: 'reject', note: note.trim() });
    if (result.ok) {
      setRejecting(false);
      onDone(t.moderation.rejected(s.name));
    }
  };
  return (
    <article className="card card-bg rounded shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 id={titleId} className="h4 mb-1">
          <Link to={`/servizi/${s.id}`}>{s.name}</Link>
        </h2>
        <p className="mb-1">
          {t.search.by(s.providerName)} · {s.categoryName} · {s.isMunicipal ? t.municipal : t.private}
        </p>
        <p className="mb-1">
          {t.moderation.prices(
            unitPrice(t, locale, s.listPriceCents, s.unit),
            unitPrice(t, locale, s.cappedPriceCents, s.unit),
          )}
        </p>
        <p className="mb-2">{s.comuni.map((c) => c.name).join(', ')}</p>
        <p className="mb-3">{s.description}</p>
        {!rejecting && <ApiErrorAlert error={moderate.error} />}
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary"
            disabled={moderate.pending}
            onClick={() => void approve()}
          >
            {t.moderation.approve}
          </button>
          <button
            type="button"
            className="btn btn-outline-danger"
            disabled={moderate.pending}
            onClick={() => setRejecting(true)}
          >
            {t.moderation.reject}
          </button>
        </div>
        <Dialog
          title={t.moderation.rejectConfirm}
          closeLabel={t.close}
          open={rejecting}
          onClose={() => setRejecting(false)}
        >
          <form onSubmit={(e) => void reject(e)} noValidate>
            <TextAreaField
              id={`reject-note-${s.id}`}
              label={t.moderation.rejectNote}
              value={note}
              onChange={setNote}
              required
              rows={3}
              maxLength={1000}
            />
            <ApiErrorAlert error={moderate.error} />
            <button
              type="submit"
              className="btn btn-danger"
              disabled={moderate.pending || note.trim().length === 0}
            >
              {t.moderation.rejectConfirm}
            </button>
          </form>
        </Dialog>
      </div>
    </article>
  );
}
