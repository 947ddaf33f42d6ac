import { useState, type FormEvent } from 'react';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { decodeCodiceFiscale } from '../people/codiceFiscale';
import { createCitizenRequest } from '../requests/api';
import { ScheduleFields } from '../requests/ScheduleFields';
import { ComuneSelect } from '../territory/ComuneSelect';
import {
  emptyCitizenRequest,
  toCitizenBody,
  type CitizenRequestValues,
  type RelativeValues,
} from './citizenForm';

interface CitizenRequestFormProps {
  types: InterventionType[];
  comuni: Comune[];
  ambiti: Ambito[];
  defaultComuneCode: string;
  /** The phone on the citizen's record, to call them back on. */
  defaultPhone: string;
  onSent: () => void;
}

// The relative's fields come back from the server as "relative.givenName" or "relative/givenName".
const relativeError = (errors: Record<string, string>, field: keyof RelativeValues) =>
  errors[`relative.${field}`] ?? errors[`relative/${field}`] ?? errors[`/relative/${field}`];

/** A type as a citizen reads it: its plain name and what it is, else the protocol's name. */
function citizenOption(type: InterventionType, locale: 'it' | 'en') {
  const [name, protocolName, description] =
    locale === 'en'
      ? [type.citizenNameEn, type.nameEn, type.citizenDescriptionEn]
      : [type.citizenNameIt, type.nameIt, type.citizenDescriptionIt];
  return { value: type.id, label: name || protocolName, description: description || undefined };
}

/** "Chiedi aiuto": plain words, one question at a time, for oneself or for a relative. */
export function CitizenRequestForm({
  types,
  comuni,
  ambiti,
  defaultComuneCode,
  defaultPhone,
  onSent,
}: CitizenRequestFormProps) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<CitizenRequestValues>(() =>
    emptyCitizenRequest(defaultComuneCode, defaultPhone),
  );
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const send = useAction(createCitizenRequest);
  const errors = { ...fieldErrorsOf(send.error, t), ...invalid };
  const patch = (change: Partial<CitizenRequestValues>) => setValues((v) => ({ ...v, ...change }));
  const setRelative = (key: keyof RelativeValues) => (value: string) =>
    setValues((v) => ({ ...v, relative: { ...v.relative, [key]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.interventionTypeId) problems.interventionTypeId = t.citizen.typeRequired;
    if (values.description.trim().length < 5) problems.description = t.citizen.descriptionShort;
    if (!values.consentPrivacy) problems.consentPrivacy = t.citizen.consentRequired;
    setInvalid(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      document
        .getElementById(
          first === 'interventionTypeId' ? `citizen-type-${types[0]?.id ?? ''}` : `citizen-${first}`,
        )
        ?.focus();
      return;
    }
    if ((await send.run(toCitizenBody(values))).ok) onSent();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ApiErrorAlert error={send.error} />
      <RadioGroup
        name="citizen-for"
        legend={t.citizen.forWhom}
        value={values.forRelative ? 'relative' : 'me'}
        onChange={(v) => patch({ forRelative: v === 'relative' })}
        options={[
          { value: 'me', label: t.citizen.forMe },
          { value: 'relative', label: t.citizen.forRelative },
        ]}
        stacked
      />
      {values.forRelative && (
        <fieldset className="mb-4">
          <legend className="h4">{t.citizen.relativeTitle}</legend>
          <p className="form-text mt-0">{t.citizen.relativeHint}</p>
          <div className="row">
            <TextField
              id="citizen-relative-givenName"
              className="col-12 col-md-6"
              label={t.citizen.givenName}
              value={values.relative.givenName}
              onChange={setRelative('givenName')}
              error={relativeError(errors, 'givenName')}
              required
            />
            <TextField
              id="citizen-relative-familyName"
              className="col-12 col-md-6"
              label={t.citizen.familyName}
              value={values.relative.familyName}
              onChange={setRelative('familyName')}
              error={relativeError(errors, 'familyName')}
              required
            />
            <TextField
              id="citizen-relative-codiceFiscale"
              className="col-12 col-md-6"
              label={t.citizen.codiceFiscale}
              value={values.relative.codiceFiscale}
              onChange={setRelative('codiceFiscale')}
              onBlur={() => {
                const decoded = decodeCodiceFiscale(values.relative.codiceFiscale);
                if (decoded)
                  setValues((v) => ({
                    ...v,
                    relative: {
                      ...v.relative,
                      birthDate: v.relative.birthDate || decoded.birthDate,
                      sex: v.relative.sex || decoded.sex,
                    },
                  }));
              }}
              error={relativeError(errors, 'codiceFiscale') ?? errors.codiceFiscale}
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
            />
            <TextField
              id="citizen-relative-birthDate"
              className="col-12 col-md-6"
              type="date"
              label={t.citizen.birthDate}
              value={values.relative.birthDate}
              onChange={setRelative('birthDate')}
              error={relativeError(errors, 'birthDate')}
              required
            />
            <div className="col-12 col-md-6">
              <RadioGroup
                name="citizen-relative-sex"
                legend={t.citizen.sex}
                value={values.relative.sex}
                onChange={setRelative('sex')}
                options={[
                  { value: 'F', label: t.citizen.sexF },
                  { value: 'M', label: t.citizen.sexM },
                ]}
                error={relativeError(errors, 'sex')}
                required
              />
            </div>
            <ComuneSelect
              id="citizen-relative-comune"
              className="col-12 col-md-6"
              label={t.citizen.comune}
              value={values.relative.comuneCode}
              onChange={setRelative('comuneCode')}
              comuni={comuni}
              ambiti={ambiti}
              error={relativeError(errors, 'comuneCode')}
              placeholder={t.common.choose}
              required
            />
            <TextField
              id="citizen-relative-address"
              className="col-12 col-md-6"
              label={t.citizen.address}
              value={values.relative.address}
              onChange={setRelative('address')}
              error={relativeError(errors, 'address')}
              required
            />
            <TextField
              id="citizen-relative-phone"
              className="col-12 col-md-6"
              type="tel"
              label={t.citizen.relativePhone}
              value={values.relative.phone}
              onChange={setRelative('phone')}
              error={relativeError(errors, 'phone')}
            />
          </div>
        </fieldset>
      )}
      <RadioGroup
        name="citizen-type"
        legend={t.citizen.need}
        value={values.interventionTypeId}
        onChange={(interventionTypeId) => patch({ interventionTypeId })}
        options={types.map((x) => citizenOption(x, locale))}
        error={errors.interventionTypeId}
        required
        stacked
      />
      <TextAreaField
        id="citizen-description"
        label={t.citizen.description}
        hint={t.citizen.descriptionHint}
        value={values.description}
        onChange={(description) => patch({ description })}
        error={errors.description}
        maxLength={2000}
        rows={4}
        required
      />
      <ScheduleFields
        idPrefix="citizen"
        values={values}
        onChange={patch}
        errors={errors}
        allowWeekly={false}
        today={todayIso()}
      />
      <TextField
        id="citizen-phone"
        type="tel"
        label={t.citizen.phone}
        hint={t.citizen.phoneHint}
        value={values.phone}
        onChange={(phone) => patch({ phone })}
        error={errors.phone}
        autoComplete="tel"
      />
      <div className="form-group">
        <CheckboxField
          id="citizen-consentPrivacy"
          label={t.citizen.consent}
          checked={values.consentPrivacy}
          onChange={(consentPrivacy) => patch({ consentPrivacy })}
        />
        {errors.consentPrivacy && <p className="field-error">{errors.consentPrivacy}</p>}
      </div>
      <button type="submit" className="btn btn-primary btn-lg" disabled={send.pending}>
        {send.pending ? t.common.saving : t.citizen.submit}
      </button>
    </form>
  );
}
