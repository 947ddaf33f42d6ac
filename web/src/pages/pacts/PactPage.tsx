import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type {
  Activity,
  CreateActivityBody,
  Pact,
  RenewPactBody,
} from '../../../../shared/src/pacts/pacts.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const record = (pactId: string, body: CreateActivityBody) =>
  api.post<Activity>(`/api/pacts/${pactId}/activities`, body);

// A number the citizen did not type as one is sent as NaN's stand-in, -1, so the server names the field.
const asNumber = (text: string) =>
  text.trim() === '' || Number.isNaN(Number(text.replace(',', '.'))) ? -1 : Number(text.replace(',', '.'));

/** The report of care done under a pact: when, what, how many people and hours. */
function ActivityForm({ pactId, onRecorded }: { pactId: string; onRecorded: () => void }) {
  const { t: all } = useI18n();
  const t = all.pacts.office;
  const [values, setValues] = useState({
    occurredOn: todayIso(),
    description: '',
    participants: '',
    hours: '',
  });
  const send = useAction(record);
  const errors = fieldErrorsOf(send.error, all);
  const text = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(pactId, {
      occurredOn: values.occurredOn,
      description: values.description.trim(),
      participants: asNumber(values.participants),
      hours: asNumber(values.hours),
    });
    if (sent.ok) {
      setValues({ occurredOn: todayIso(), description: '', participants: '', hours: '' });
      onRecorded();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-activity">
      <h3 id="new-activity" className="h5">
        {t.newActivity}
      </h3>
      <ApiErrorAlert error={send.error} />
      <TextField
        id="activity-occurredOn"
        type="date"
        label={t.occurredOn}
        value={values.occurredOn}
        onChange={text('occurredOn')}
        error={errors.occurredOn}
        required
      />
      <TextAreaField
        id="activity-description"
        label={t.activityDescription}
        value={values.description}
        onChange={text('description')}
        error={errors.description}
        required
      />
      <div className="row">
        <TextField
          id="activity-participants"
          className="col-6"
          inputMode="numeric"
          label={t.participants}
          value={values.participants}
          onChange={text('participants')}
          error={errors.participants}
          required
        />
        <TextField
          id="activity-hours"
          className="col-6"
          inputMode="decimal"
          label={t.hours}
          value={values.hours}
          onChange={text('hours')}
          error={errors.hours}
          required
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t.recordActivity}
      </button>
    </form>
  );
}

const renew = (pactId: string, body: RenewPactBody) => api.post<Pact>(`/api/pacts/${pactId}/renewal`, body);

/** The renewal a pact's terms allow: the same commons, parties and duties from the day after it ends. */
function RenewalForm({ pact }: { pact: Pact }) {
  const { t: all, locale } = useI18n();
  const t = all.pacts.office;
  const navigate = useNavigate();
  const [endsOn, setEndsOn] = useState('');
  const send = useAction(renew);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(pact.id, { endsOn });
    if (sent.ok) void navigate(`/patti/${sent.value.id}`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="renewal" className="mt-4">
      <h2 id="renewal" className="h4">
        {t.renewTitle}
      </h2>
      <p>{t.renewLead(formatDate(addDaysIso(pact.endsOn, 1), locale))}</p>
      <ApiErrorAlert error={send.error} />
      <TextField
        id="renewal-endsOn"
        type="date"
        label={t.renewEndsOn}
        value={endsOn}
        onChange={setEndsOn}
        error={fieldErrorsOf(send.error, all).endsOn}
        required
      />
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t.renew}
      </button>
    </form>
  );
}

/** `/patti/:id`: a pact as the office holds it: parties with their duties and contacts, period, care done. */
export function PactPage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.office;
  const pub = all.pacts.pacts;
  const { id = '' } = useParams();
  const { data: pact, error, loading, reload } = useApi<Pact>(`/api/pacts/${id}`);
  return (
    <Page
      title={pact?.title ?? t.pact}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: t.title, to: '/patti' },
      ]}
    >
      <ApiErrorAlert error={error} />
      {loading && <Loading />}
      {pact && (
        <>
          <p>
            <strong>{pact.commons.name}</strong> · {pub.kinds[pact.commons.kind]} · {pact.commons.comuneName}
          </p>
          <p>
            {pub.period(formatDate(pact.startsOn, locale), formatDate(pact.endsOn, locale))}.{' '}
            {pact.renewal === 'on_request' ? pub.renewable : pub.notRenewable} {t.states[pact.state]}
          </p>
          <h2 className="h4">{pub.purpose}</h2>
          <p>{pact.purpose}</p>
          <h2 className="h4">{pub.parties}</h2>
          <ul aria-label={pub.parties}>
            {pact.parties.map((party) => (
              <li key={party.id}>
                <strong>{party.name ?? party.contact?.fullName ?? pub.citizen}</strong>: {party.duties}
                {party.contact && (
                  <small className="d-block">
                    {t.contact(
                      [party.contact.fullName, party.contact.email, party.contact.phone]
                        .filter(Boolean)
                        .join(', '),
                    )}
                  </small>
                )}
              </li>
            ))}
          </ul>
          <h2 className="h4">{pub.comuneSupport}</h2>
          <p>{pact.comuneSupport}</p>
          <h2 className="h4">{t.activities}</h2>
          {pact.activityLog.length === 0 ? (
            <p>{t.noActivities}</p>
          ) : (
            <ul>
              {pact.activityLog.map((a) => (
                <li key={a.id}>
                  {formatDate(a.occurredOn, locale)}: {a.description} (
                  {t.activityFigures(a.participants, formatNumber(a.hours, locale))})
                </li>
              ))}
            </ul>
          )}
          {pact.abilities.manage && <ActivityForm pactId={pact.id} onRecorded={reload} />}
          {pact.abilities.renew && <RenewalForm key={pact.id} pact={pact} />}
        </>
      )}
    </Page>
  );
}
