import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Parcel, ParcelTemplate } from '../../../../shared/src/goods/distribution.schemas';
import type { Point } from '../../../../shared/src/goods/goods.schemas';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { TEMPLATES_PATH, createParcel, parcelsPath, pointPath } from '../../features/goods/api';
import { searchPeople } from '../../features/people/api';
import { personName } from '../../features/people/PeopleTable';
import { useI18n } from '../../i18n/I18nProvider';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const tomorrowInRome = () => addDaysIso(todayIso(), 1);

/**
 * A food parcel for a household, taken from the point's stock (FEFO): delivered by a volunteer —
 * the server opens an accepted request whose task enters the rounds — or picked up at the point.
 */
export function ParcelPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const p = t.goods.parcel;
  const point = useApi<Point>(pointPath(id));
  const templates = useApi<ParcelTemplate[]>(TEMPLATES_PATH);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[] | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [householdSize, setHouseholdSize] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [delivery, setDelivery] = useState<'delivery' | 'pickup'>('delivery');
  const [deliveryDate, setDeliveryDate] = useState(tomorrowInRome());
  const [overrideReason, setOverrideReason] = useState('');
  const [personError, setPersonError] = useState<string>();
  const [done, setDone] = useState<Parcel | null>(null);
  const search = useAction(searchPeople);
  const save = useAction(createParcel);
  const needsReason = save.error instanceof ApiError && save.error.code === 'PARCEL_ALREADY_IN_PERIOD';

  async function find(event: FormEvent) {
    event.preventDefault();
    if (query.trim().length < 2) return;
    const result = await search.run(query);
    if (result.ok) setFound(result.value.items);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPersonError(person ? undefined : p.personMissing);
    if (!person) return;
    const result = await save.run({
      pointId: id,
      personId: person.id,
      templateId: templateId || undefined,
      householdSize: householdSize ? Number(householdSize) : undefined,
      delivery,
      deliveryDate: delivery === 'delivery' ? deliveryDate : undefined,
      overrideReason: overrideReason.trim() || undefined,
    });
    if (result.ok) {
      setDone(result.value);
      setPerson(null);
      setFound(null);
      setQuery('');
      setOverrideReason('');
    }
  }

  const errors = fieldErrorsOf(save.error, t);
  return (
    <Page
      title={p.title}
      lead={point.data ? p.lead(point.data.name) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
        { label: point.data?.name ?? t.goods.title, to: `/beni/punti/${id}` },
      ]}
    >
      {(point.loading || templates.loading) && <Loading />}
      <ApiErrorAlert error={point.error ?? templates.error} />
      {done && <ParcelDone parcel={done} />}
      <section aria-labelledby="parcel-person" className="mb-3" style={{ maxWidth: '48rem' }}>
        <h2 id="parcel-person" className="h5">
          {p.person}
        </h2>
        {person ? (
          <>
            <p className="d-flex flex-wrap align-items-center gap-3">
              <strong>{p.chosen(personName(person))}</strong>
              <span>
                {formatDate(person.birthDate, locale)} · {person.comuneName}
                {person.address ? ` · ${person.address}` : ''}
              </span>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm"
                onClick={() => setPerson(null)}
              >
                {p.change}
              </button>
            </p>
            <HouseholdParcels personId={person.id} />
          </>
        ) : (
          <>
            <form role="search" className="row align-items-end" onSubmit={(e) => void find(e)}>
              <TextField
                id="parcel-search"
                className="col-12 col-md-8"
                type="search"
                label={p.search}
                value={query}
                onChange={setQuery}
                autoComplete="off"
                spellCheck={false}
                error={personError}
              />
              <div className="col-12 col-md-4 form-group">
                <button type="submit" className="btn btn-primary w-100" disabled={search.pending}>
                  {p.searchButton}
                </button>
              </div>
            </form>
            <ApiErrorAlert error={search.error} />
            {found && (
              <>
                <p role="status">{p.results(found.length)}</p>
                <ul className="list-unstyled">
                  {found.map((x) => (
                    <li key={x.id} className="d-flex flex-wrap align-items-center gap-3 py-2 border-bottom">
                      <span className="flex-grow-1">
                        <strong>{personName(x)}</strong> · {formatDate(x.birthDate, locale)} · {x.comuneName}
                      </span>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => {
                          setPerson(x);
                          setPersonError(undefined);
                        }}
                      >
                        {p.choose(personName(x))}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      <form onSubmit={(e) => void submit(e)} noValidate style={{ maxWidth: '48rem' }}>
        <TextField
          id="parcel-household"
          label={p.householdSize}
          hint={p.householdHint}
          inputMode="numeric"
          maxLength={2}
          value={householdSize}
          onChange={setHouseholdSize}
          error={errors.householdSize}
        />
        <SelectField
          id="parcel-template"
          label={p.template}
          value={templateId}
          onChange={setTemplateId}
          placeholder={p.templateAuto}
          options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          error={errors.templateId}
        />
        <RadioGroup
          name="parcel-delivery"
          legend={p.delivery}
          value={delivery}
          onChange={(v) => setDelivery(v as 'delivery' | 'pickup')}
          stacked
          options={[
            { value: 'delivery', label: p.deliveries.delivery },
            { value: 'pickup', label: p.deliveries.pickup },
          ]}
        />
        {delivery === 'delivery' && (
          <TextField
            id="parcel-date"
            label={p.deliveryDate}
            type="date"
            required
            value={deliveryDate}
            onChange={setDeliveryDate}
            error={errors.deliveryDate}
          />
        )}
        {(needsReason || overrideReason) && (
          <TextAreaField
            id="parcel-override"
            label={p.overrideReason}
            hint={p.overrideHint}
            required
            value={overrideReason}
            onChange={setOverrideReason}
            error={errors.overrideReason}
          />
        )}
        <ApiErrorAlert error={save.error} />
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {p.submit}
        </button>
      </form>
    </Page>
  );
}

/** The parcels the chosen person's household already received (one a week unless an operator says why). */
function HouseholdParcels({ personId }: { personId: string }) {
  const { t, locale } = useI18n();
  const p = t.goods.parcel;
  const history = useApi<Parcel[]>(parcelsPath({ person: personId, limit: 20 }));
  return (
    <section aria-labelledby="household-parcels" className="mb-3">
      <h3 id="household-parcels" className="h6">
        {p.history}
      </h3>
      <ApiErrorAlert error={history.error} />
      {history.loading && <Loading />}
      {history.data && (
        <DataTable
          caption={p.history}
          rows={history.data}
          rowKey={(x) => x.id}
          empty={p.historyEmpty}
          columns={[
            { key: 'date', header: p.assembled, render: (x) => formatDate(x.assembledOn, locale) },
            { key: 'point', header: p.historyPoint, render: (x) => x.pointName },
            { key: 'how', header: p.how, render: (x) => p.deliveries[x.delivery] },
            { key: 'person', header: p.recipient, render: (x) => x.personName },
          ]}
        />
      )}
    </section>
  );
}

function ParcelDone({ parcel }: { parcel: Parcel }) {
  const { t, locale } = useI18n();
  const p = t.goods.parcel;
  return (
    <SuccessAlert>
      <p className="mb-2 fw-semibold">{p.done(parcel.personName)}</p>
      {parcel.delivery === 'delivery' ? (
        <>
          <p className="mb-2">{p.taskCreated}</p>
          <ul>
            {parcel.requestId && (
              <li>
                <Link to={`/richieste/${parcel.requestId}`}>{p.request}</Link>
              </li>
            )}
            {parcel.taskIds.map((taskId) => (
              <li key={taskId}>
                <Link to={`/compiti/${taskId}`}>{p.task}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mb-2">{p.pickupWaiting}</p>
      )}
      <p className="mb-1">{p.contents}</p>
      <ul className="mb-0">
        {parcel.lines.map((l) => (
          <li key={l.lotId}>
            {l.itemName}: {formatNumber(l.quantity, locale)} {t.goods.units[l.unit as 'pz']}
            {l.expiryDate ? ` · ${t.goods.point.expiry} ${formatDate(l.expiryDate, locale)}` : ''}
          </li>
        ))}
      </ul>
    </SuccessAlert>
  );
}
