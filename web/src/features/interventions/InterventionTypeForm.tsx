import { useState, type FormEvent } from 'react';
import { CHANNELS, type InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, TextAreaField, TextField } from '../../ui/fields';
import { createInterventionType, updateInterventionType } from './api';

type Flag = 'requiresCar' | 'requiresTimeWindow' | 'healthRisk' | 'recurringAllowed' | 'active';
const FLAGS: Flag[] = ['requiresCar', 'requiresTimeWindow', 'healthRisk', 'recurringAllowed', 'active'];

const BLANK: InterventionType = {
  id: '',
  nameIt: '',
  nameEn: '',
  description: '',
  requiresCar: false,
  requiresTimeWindow: false,
  healthRisk: false,
  defaultServiceMinutes: 15,
  defaultLoad: 1,
  recurringAllowed: false,
  active: true,
  citizenNameIt: '',
  citizenNameEn: '',
  citizenDescriptionIt: '',
  citizenDescriptionEn: '',
  channels: [...CHANNELS],
  activeFrom: null,
  activeUntil: null,
};

type CitizenText = 'citizenNameIt' | 'citizenNameEn' | 'citizenDescriptionIt' | 'citizenDescriptionEn';
const CITIZEN_NAMES: CitizenText[] = ['citizenNameIt', 'citizenNameEn'];
const CITIZEN_DESCRIPTIONS: CitizenText[] = ['citizenDescriptionIt', 'citizenDescriptionEn'];

/** Creates an intervention type (with its code) or changes one: names, description, flags, defaults. */
export function InterventionTypeForm({
  type,
  onSaved,
}: {
  type: InterventionType | null;
  onSaved: (saved: InterventionType) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<InterventionType>(type ?? BLANK);
  const [minutes, setMinutes] = useState(String((type ?? BLANK).defaultServiceMinutes));
  const [load, setLoad] = useState(String((type ?? BLANK).defaultLoad));
  const set =
    <K extends keyof InterventionType>(key: K) =>
    (value: InterventionType[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const save = useAction(() => {
    const body = {
      nameIt: values.nameIt.trim(),
      nameEn: values.nameEn.trim(),
      description: values.description.trim(),
      requiresCar: values.requiresCar,
      requiresTimeWindow: values.requiresTimeWindow,
      healthRisk: values.healthRisk,
      recurringAllowed: values.recurringAllowed,
      active: values.active,
      citizenNameIt: values.citizenNameIt.trim(),
      citizenNameEn: values.citizenNameEn.trim(),
      citizenDescriptionIt: values.citizenDescriptionIt.trim(),
      citizenDescriptionEn: values.citizenDescriptionEn.trim(),
      channels: CHANNELS.filter((c) => values.channels.includes(c)),
      activeFrom: values.activeFrom || null,
      activeUntil: values.activeUntil || null,
      defaultServiceMinutes: Number(minutes),
      defaultLoad: Number(load),
    };
    return type
      ? updateInterventionType(type.id, body)
      : createInterventionType({ id: values.id.trim(), ...body });
  });
  const errors = fieldErrorsOf(save.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run();
    if (result.ok) onSaved(result.value);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ApiErrorAlert error={save.error} />
      {!type && (
        <TextField
          id="type-id"
          label={t.protocol.id}
          hint={t.protocol.idHint}
          value={values.id}
          onChange={set('id')}
          error={errors.id}
          spellCheck={false}
          required
        />
      )}
      <div className="row">
        <TextField
          id="type-nameIt"
          className="col-12 col-md-6"
          label={t.protocol.nameIt}
          value={values.nameIt}
          onChange={set('nameIt')}
          error={errors.nameIt}
          required
        />
        <TextField
          id="type-nameEn"
          className="col-12 col-md-6"
          label={t.protocol.nameEn}
          value={values.nameEn}
          onChange={set('nameEn')}
          error={errors.nameEn}
          required
        />
      </div>
      <TextAreaField
        id="type-description"
        label={t.protocol.description}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        maxLength={1000}
        rows={2}
      />
      <fieldset className="mb-3">
        <legend className="form-legend">{t.protocol.flags}</legend>
        {FLAGS.map((flag) => (
          <CheckboxField
            key={flag}
            id={`type-${flag}`}
            label={t.protocol[flag]}
            checked={values[flag]}
            onChange={set(flag)}
          />
        ))}
      </fieldset>
      <div className="row">
        <TextField
          id="type-minutes"
          className="col-6"
          type="number"
          min={1}
          max={480}
          inputMode="numeric"
          label={t.protocol.serviceMinutes}
          value={minutes}
          onChange={setMinutes}
          error={errors.defaultServiceMinutes}
          required
        />
        <TextField
          id="type-load"
          className="col-6"
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          label={t.protocol.load}
          value={load}
          onChange={setLoad}
          error={errors.defaultLoad}
          required
        />
      </div>
      <fieldset className="mb-3">
        <legend className="form-legend">{t.protocol.citizenTitle}</legend>
        <div className="row">
          {CITIZEN_NAMES.map((key) => (
            <TextField
              key={key}
              id={`type-${key}`}
              className="col-12 col-md-6"
              label={t.protocol[key]}
              value={values[key]}
              onChange={set(key)}
              error={errors[key]}
              maxLength={120}
            />
          ))}
        </div>
        {CITIZEN_DESCRIPTIONS.map((key) => (
          <TextAreaField
            key={key}
            id={`type-${key}`}
            label={t.protocol[key]}
            value={values[key]}
            onChange={set(key)}
            error={errors[key]}
            maxLength={500}
            rows={2}
          />
        ))}
      </fieldset>
      <fieldset className="mb-3">
        <legend className="form-legend">{t.protocol.channelsLegend}</legend>
        {CHANNELS.map((channel) => (
          <CheckboxField
            key={channel}
            id={`type-channel-${channel}`}
            label={t.requests.channels[channel]}
            checked={values.channels.includes(channel)}
            onChange={(on) =>
              set('channels')(
                on ? [...values.channels, channel] : values.channels.filter((c) => c !== channel),
              )
            }
          />
        ))}
      </fieldset>
      <div className="row">
        <TextField
          id="type-activeFrom"
          className="col-6"
          type="date"
          label={t.protocol.activeFrom}
          hint={t.protocol.periodHint}
          value={values.activeFrom ?? ''}
          onChange={(v) => set('activeFrom')(v || null)}
          error={errors.activeFrom}
        />
        <TextField
          id="type-activeUntil"
          className="col-6"
          type="date"
          label={t.protocol.activeUntil}
          hint={t.protocol.periodHint}
          value={values.activeUntil ?? ''}
          onChange={(v) => set('activeUntil')(v || null)}
          error={errors.activeUntil}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={save.pending}>
        {save.pending ? t.common.saving : t.common.save}
      </button>
    </form>
  );
}
