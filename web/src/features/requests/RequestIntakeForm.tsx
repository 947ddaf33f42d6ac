import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import { maxLengthOf, validateAgainst } from '../../../../shared/src/common/validation';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { CreateRequestBody } from '../../../../shared/src/requests/requests.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { URGENCY_NAMES } from '../../i18n/enumerations';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { createPerson } from '../people/api';
import { decodeCodiceFiscale, splitFullName } from '../people/codiceFiscale';
import { DuplicateList, isDuplicateCandidate } from '../people/DuplicateList';
import {
  ConsentFields,
  PersonFlagFields,
  personFocusTarget,
  prefilledFromCode,
  usePersonCheck,
  usePersonValues,
} from '../people/PersonFields';
import { emptyPerson, toPersonInput } from '../people/personForm';
import { personName } from '../people/PeopleTable';
import { useCan } from '../session/SessionProvider';
import { createRequest, type RequestNotice } from './api';
import { FULL_NAME_ID, NewPersonFields } from './NewPersonFields';
import { emptyRequest, toCreateRequestBody, type RequestFormValues } from './requestForm';
import { ScheduleFields } from './ScheduleFields';

const TYPE_FIELD = 'intake-type';
// The beneficiary of a request checked before its new person is saved (any well-formed id).
const NOT_YET_SAVED = '00000000-0000-4000-8000-000000000000';
// Order on screen, to focus the first field the server (or the form) refused.
const PERSON_FIELDS = [
  'codiceFiscale',
  'birthDate',
  'sex',
  'comuneCode',
  'fullName',
  'givenName',
  'familyName',
  'address',
  'phone',
];
const REQUEST_FIELDS = [
  'interventionTypeId',
  'description',
  'preferredDate',
  'windowStart',
  'windowEnd',
  'recurrenceUntil',
  'recurrence',
];
const REQUEST_FIELD_IDS: Record<string, string> = {
  description: 'intake-description',
  preferredDate: 'intake-preferredDate',
  windowStart: 'intake-windowStart',
  windowEnd: 'intake-windowEnd',
  recurrenceUntil: 'intake-recurrenceUntil',
  recurrence: 'intake-weekly',
};

interface RequestIntakeFormProps {
  /** The person chosen in the lookup; null while a new person is being typed. */
  beneficiary: Person | null;
  /** For a new person: the codice fiscale searched for ('' when none). */
  newPersonCode: string;
  defaultComuneCode: string;
  types: InterventionType[];
  typeName: (type: InterventionType) => string;
  comuni: Comune[];
  /** Every comune Legami knows, to name the birthplace a codice fiscale encodes. */
  birthplaces: Comune[];
  ambiti: Ambito[];
  onPersonCreated: (person: Person) => void;
}

/**
 * The phone intake after the lookup: the new person's fields (when there is no record yet),
 * the intervention type by number, urgency, what is needed and when. Enter saves: first the
 * person, then the request; an open similar request or a possible duplicate asks to confirm.
 */
export function RequestIntakeForm(props: RequestIntakeFormProps) {
  const { beneficiary, types, comuni, ambiti } = props;
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const checkPerson = usePersonCheck();
  const sensitive = useCan('person.readSensitive');
  const person = usePersonValues(
    prefilledFromCode(
      { ...emptyPerson(props.defaultComuneCode), codiceFiscale: props.newPersonCode },
      props.birthplaces,
    ),
    props.birthplaces,
  );
  const [fullName, setFullName] = useState('');
  const [separate, setSeparate] = useState(!decodeCodiceFiscale(props.newPersonCode));
  const [request, setRequest] = useState<RequestFormValues>(emptyRequest);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Person | null>(null);
  const savePerson = useAction(createPerson);
  const saveRequest = useAction(createRequest);
  const alertRef = useRef<HTMLDivElement>(null);
  const patch = (change: Partial<RequestFormValues>) => setRequest((r) => ({ ...r, ...change }));
  const chosenType = types.find((x) => x.id === request.interventionTypeId);
  const error = savePerson.error ?? saveRequest.error;
  const errors = { ...fieldErrorsOf(error, t), ...invalid };

  useEffect(() => {
    // A person picked in the lookup: the operator goes straight to the type of help.
    if (beneficiary) document.getElementById(`${TYPE_FIELD}-${types[0]?.id ?? ''}`)?.focus();
    // Only when the form opens for a person, not when a new person has just been saved.
  }, []);

  useEffect(() => {
    if (!error && Object.keys(invalid).length === 0) return;
    const refused = { ...fieldErrorsOf(error, t), ...invalid };
    const personField = beneficiary ? undefined : PERSON_FIELDS.find((f) => refused[f]);
    const requestField = REQUEST_FIELDS.find((f) => refused[f]);
    if (personField) {
      (personField === 'fullName'
        ? document.getElementById(FULL_NAME_ID)
        : personFocusTarget(personField)
      )?.focus();
    } else if (requestField === 'interventionTypeId') {
      document.getElementById(`${TYPE_FIELD}-${request.interventionTypeId || (types[0]?.id ?? '')}`)?.focus();
    } else if (requestField) {
      document.getElementById(REQUEST_FIELD_IDS[requestField] ?? '')?.focus();
    } else {
      alertRef.current?.focus();
    }
    // Once per failed attempt: the dependencies change only then.
  }, [error, invalid]);

  const names = () => {
    if (separate) return { givenName: person.values.givenName, familyName: person.values.familyName };
    return splitFullName(fullName, person.values.codiceFiscale);
  };

  /**
   * Every problem of the person and of the request at once, checked against the server's own
   * schemas before the first of the two is saved.
   */
  const problemsOf = (resolved: ReturnType<typeof names>): Record<string, string> => {
    const body = toCreateRequestBody(request, beneficiary?.id ?? NOT_YET_SAVED, false);
    const problems: Record<string, string> = {
      ...(beneficiary ? {} : checkPerson({ ...person.values, ...resolved })),
      ...validateAgainst(CreateRequestBody, body, locale),
    };
    if (!request.interventionTypeId) problems.interventionTypeId = t.requests.typeRequired;
    if (!beneficiary && !resolved)
      problems.fullName = fullName.trim() ? t.requests.fullNameMismatch : t.requests.fullNameRequired;
    return problems;
  };

  const save = async (confirm: { similar?: boolean; notDuplicate?: boolean } = {}) => {
    const resolved = beneficiary ? null : names();
    const problems = problemsOf(resolved);
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    let who = beneficiary;
    if (!who) {
      const values = { ...person.values, ...resolved };
      const saved = await savePerson.run(
        toPersonInput(values, { sensitive, confirmNotDuplicate: !!confirm.notDuplicate }),
      );
      if (!saved.ok) return;
      who = saved.value;
      setCreated(saved.value);
      props.onPersonCreated(saved.value);
    }
    const result = await saveRequest.run(toCreateRequestBody(request, who.id, !!confirm.similar));
    if (result.ok)
      void navigate(`/richieste/${result.value.id}`, {
        state: { notice: 'created' } satisfies RequestNotice,
      });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const apiError = error instanceof ApiError ? error : null;
  const similarId = apiError?.code === 'REQUEST_SIMILAR_OPEN' ? apiError.details.requestId : undefined;
  const candidates = Array.isArray(apiError?.details.candidates)
    ? apiError.details.candidates.filter(isDuplicateCandidate)
    : [];
  const pending = savePerson.pending || saveRequest.pending;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="intake-form-title">
      <h2 id="intake-form-title" className="visually-hidden">
        {t.requests.requestTitle}
      </h2>
      {created && <SuccessAlert>{t.requests.personCreated(personName(created))}</SuccessAlert>}
      <ApiErrorAlert error={error} ref={alertRef}>
        {typeof similarId === 'string' && (
          <div className="d-flex flex-wrap gap-3 mt-3">
            <Link
              to={`/richieste/${similarId}`}
              target="_blank"
              rel="noopener"
              className="btn btn-outline-primary"
            >
              {t.requests.openSimilar} <span className="visually-hidden">({t.common.opensInNewTab})</span>
            </Link>
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => void save({ similar: true })}
            >
              {t.requests.confirmSimilar}
            </button>
          </div>
        )}
        {candidates.length > 0 && (
          <>
            <DuplicateList people={candidates} />
            <button
              type="button"
              className="btn btn-outline-primary mt-3"
              disabled={pending}
              onClick={() => void save({ notDuplicate: true })}
            >
              {t.personForm.confirmNotDuplicate}
            </button>
          </>
        )}
      </ApiErrorAlert>

      {!beneficiary && (
        <NewPersonFields
          values={person.values}
          set={person.set}
          prefillFromCode={person.prefillFromCode}
          fullName={fullName}
          onFullName={setFullName}
          separate={separate}
          onSeparate={() => {
            const [first = '', ...rest] = fullName.trim().split(/\s+/);
            person.setValues((v) => ({ ...v, givenName: first, familyName: rest.join(' ') }));
            setSeparate(true);
          }}
          errors={errors}
          comuni={comuni}
          ambiti={ambiti}
        />
      )}

      <fieldset className="mb-2">
        <legend className="h4">{t.requests.requestTitle}</legend>
        <RadioGroup
          name={TYPE_FIELD}
          legend={t.requests.type}
          hint={t.requests.typeHint}
          value={request.interventionTypeId}
          onChange={(interventionTypeId) => patch({ interventionTypeId })}
          options={types.map((x) => ({ value: x.id, label: props.typeName(x) }))}
          error={errors.interventionTypeId}
          required
          stacked
          shortcuts
        />
        <RadioGroup
          name="intake-urgency"
          legend={t.requests.urgency}
          value={request.urgency}
          onChange={(v) => {
            const urgency = URGENCY_NAMES.find((u) => u === v);
            if (urgency) patch({ urgency });
          }}
          options={URGENCY_NAMES.map((u) => ({ value: u, label: t.requests.urgencies[u] }))}
          error={errors.urgency}
        />
        <TextAreaField
          id="intake-description"
          label={t.requests.description}
          hint={t.requests.descriptionHint}
          value={request.description}
          onChange={(description) => patch({ description })}
          error={errors.description}
          maxLength={maxLengthOf(CreateRequestBody, 'description')}
        />
        <ScheduleFields
          idPrefix="intake"
          values={request}
          onChange={patch}
          errors={errors}
          allowWeekly={chosenType?.recurringAllowed ?? false}
          today={todayIso()}
        />
        <details className="mb-3">
          <summary className="fw-semibold">{t.requests.requester}</summary>
          <div className="row mt-3">
            <TextField
              id="intake-requesterName"
              className="col-12 col-md-6"
              label={t.requests.requesterName}
              value={request.requesterName}
              onChange={(requesterName) => patch({ requesterName })}
              error={errors.requesterName}
              maxLength={maxLengthOf(CreateRequestBody, 'requesterName')}
              autoComplete="off"
            />
            <TextField
              id="intake-requesterPhone"
              className="col-12 col-md-6"
              type="tel"
              label={t.requests.requesterPhone}
              value={request.requesterPhone}
              onChange={(requesterPhone) => patch({ requesterPhone })}
              error={errors.requesterPhone}
              maxLength={maxLengthOf(CreateRequestBody, 'requesterPhone')}
              autoComplete="off"
            />
          </div>
          <TextAreaField
            id="intake-notes"
            label={t.requests.notes}
            value={request.notes}
            onChange={(notes) => patch({ notes })}
            error={errors.notes}
            maxLength={maxLengthOf(CreateRequestBody, 'notes')}
            rows={2}
          />
        </details>
      </fieldset>

      {!beneficiary && (
        <ConsentFields values={person.values} set={person.set} legendClassName="h4" method="phone" />
      )}

      {!beneficiary && (
        <details className="mb-4">
          <summary className="fw-semibold">{t.requests.personDetails}</summary>
          <div className="mt-3">
            <PersonFlagFields
              values={person.values}
              set={person.set}
              showSensitive={sensitive}
              legendClassName="form-legend"
              withoutConsents
            />
          </div>
        </details>
      )}

      <button type="submit" className="btn btn-primary btn-lg" disabled={pending}>
        {pending ? t.requests.submitting : t.requests.submit}
      </button>
    </form>
  );
}
