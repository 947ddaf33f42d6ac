import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AccessPoint, OrderInput, Service } from '../../../../shared/src/catalog/catalog.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatCents } from '../../i18n/money';
import { createOrder, MY_ACCESS_POINTS_PATH, servicePath } from '../../features/catalog/api';
import { unitPrice } from '../../features/catalog/format';
import { useAssistedPerson } from '../../features/catalog/useAssistedPerson';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { addDaysIso, todayIso } from '../../i18n/dates';

export interface CreatedOrderNotice {
  created: true;
}

/** A key for this one booking: a second submission (double tap, retry after a timeout) replays the first. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const tomorrow = () => addDaysIso(todayIso(), 1);

/**
 * `/servizi/:id/prenota`: how much and from when, for the citizen themselves or — with `?persona=`
 * — by a welfare manager for a citizen at their access point, with the citizen's consent.
 */
export function BookServicePage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const { id = '' } = useParams();
  const service = useApi<Service>(servicePath(id));
  const assisted = useAssistedPerson();
  const s = service.data;
  return (
    <Page
      title={s ? t.book.title(s.name) : t.service.book}
      lead={assisted.personId ? t.book.assistedLead(assisted.name) : t.book.lead}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: t.search.title, to: '/servizi' },
        ...(s
          ? [
              {
                label: s.name,
                to: `/servizi/${s.id}${assisted.personId ? `?persona=${assisted.personId}` : ''}`,
              },
            ]
          : []),
      ]}
    >
      <LargeText>
        <ApiErrorAlert error={service.error ?? assisted.error} />
        {service.loading && !s && <Loading />}
        {s && !s.abilities.book && <p>{t.book.notBookable}</p>}
        {s?.abilities.book && <BookingForm service={s} personId={assisted.personId} />}
      </LargeText>
    </Page>
  );
}

function BookingForm({ service: s, personId }: { service: Service; personId: string | null }) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const navigate = useNavigate();
  const points = useApi<{ items: AccessPoint[] }>(personId ? MY_ACCESS_POINTS_PATH : null);
  const [key] = useState(newIdempotencyKey);
  const [quantity, setQuantity] = useState('1');
  const [startDate, setStartDate] = useState(tomorrow);
  const [notes, setNotes] = useState('');
  const [schoolEnrolled, setSchoolEnrolled] = useState(false);
  const [workingParent, setWorkingParent] = useState(false);
  const [pointId, setPointId] = useState('');
  const [consent, setConsent] = useState(false);
  const book = useAction(createOrder);
  const errors = fieldErrorsOf(book.error, all);
  const count = Number.parseInt(quantity, 10);
  const chosenPoint = pointId || points.data?.items[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: OrderInput = {
      serviceId: s.id,
      quantity: Number.isFinite(count) ? count : 0,
      startDate,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(s.municipalProgram === 'saap' ? { eligibility: { schoolEnrolled } } : {}),
      ...(s.municipalProgram === 'conciliazione' ? { eligibility: { workingParent } } : {}),
      ...(personId ? { personId, accessPointId: chosenPoint, consent } : {}),
    };
    const result = await book.run(input, key);
    if (result.ok) {
      const notice: CreatedOrderNotice = { created: true };
      void navigate(`/ordini/${result.value.id}`, { state: notice });
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <TextField
          id="book-quantity"
          className="col-12 col-md-6"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          label={t.book.quantity(t.units.plural[s.unit] ?? s.unit)}
          value={quantity}
          onChange={setQuantity}
          error={errors.quantity}
          required
        />
        <TextField
          id="book-start"
          className="col-12 col-md-6"
          type="date"
          label={t.book.startDate}
          value={startDate}
          onChange={setStartDate}
          error={errors.startDate}
          required
        />
      </div>
      <TextAreaField
        id="book-notes"
        label={t.book.notes}
        hint={t.book.notesHint}
        value={notes}
        onChange={setNotes}
        maxLength={1000}
      />
      {(s.municipalProgram === 'saap' || s.municipalProgram === 'conciliazione') && (
        <fieldset className="mb-3">
          <legend className="h5">{t.book.eligibility}</legend>
          {s.municipalProgram === 'saap' && (
            <CheckboxField
              id="book-school"
              label={t.book.schoolEnrolled}
              checked={schoolEnrolled}
              onChange={setSchoolEnrolled}
            />
          )}
          {s.municipalProgram === 'conciliazione' && (
            <CheckboxField
              id="book-working"
              label={t.book.workingParent}
              checked={workingParent}
              onChange={setWorkingParent}
            />
          )}
        </fieldset>
      )}
      {personId && (
        <>
          <ApiErrorAlert error={points.error} />
          <SelectField
            id="book-access-point"
            label={t.book.accessPoint}
            value={chosenPoint}
            onChange={setPointId}
            options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={errors.accessPointId}
            required
          />
          <div className="mb-3">
            <CheckboxField id="book-consent" label={t.book.consent} checked={consent} onChange={setConsent} />
          </div>
        </>
      )}
      {s.priceForMe && Number.isFinite(count) && count > 0 && (
        <p className="fs-5 mb-1" aria-live="polite">
          {t.book.estimate(formatCents(s.priceForMe.unitCents * count, locale))} (
          {unitPrice(t, locale, s.priceForMe.unitCents, s.unit)})
        </p>
      )}
      {s.priceForMe && <p className="small">{t.book.estimateNote}</p>}
      <ApiErrorAlert error={book.error} />
      <button type="submit" className="btn btn-primary btn-lg" disabled={book.pending}>
        {book.pending ? t.book.submitting : t.book.submit}
      </button>
    </form>
  );
}
