import { useState, type FormEvent } from 'react';
import {
  COMMONS_KINDS,
  type Commons,
  type CreateCommonsBody,
} from '../../../../shared/src/pacts/pacts.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { hasCapability, useMe } from '../../features/session/SessionProvider';
import { ComuneSelect } from '../../features/territory/ComuneSelect';
import { TerritoryMap } from '../../features/territory/TerritoryMap';
import { comuniOfMemberships, defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const addCommons = (body: CreateCommonsBody) => api.post<Commons>('/api/commons', body);

// A coordinate typed with a comma is read as a decimal; anything else unreadable goes as 999 so the
// server's range check names the field.
const coordinate = (text: string) => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || Number.isNaN(value) ? 999 : value;
};

const empty = (comuneCode: string) => ({
  comuneCode,
  name: '',
  kind: 'garden' as Commons['kind'],
  place: '',
  latitude: '',
  longitude: '',
  description: '',
});

/** `/patti/beni-comuni`: the register of the commons, on the map and in a list; the office adds one. */
export function CommonsRegisterPage() {
  const { t: all } = useI18n();
  const t = all.pacts.register;
  const me = useMe();
  const territory = useTerritory();
  const commons = useApi<Commons[]>('/api/commons');
  const [values, setValues] = useState(() => empty(''));
  const [added, setAdded] = useState<Commons | null>(null);
  const send = useAction(addCommons);
  const errors = fieldErrorsOf(send.error, all);
  const text = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const comuneCode = values.comuneCode || defaultComuneCode(me, territory.comuni, territory.ambiti);
  const mine = comuniOfMemberships(me, territory.comuni);
  const shown = (commons.data ?? []).filter((c) => mine.some((m) => m.istatCode === c.comuneCode));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run({
      comuneCode,
      name: values.name.trim(),
      kind: values.kind,
      place: values.place.trim(),
      latitude: coordinate(values.latitude),
      longitude: coordinate(values.longitude),
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
    });
    if (sent.ok) {
      setAdded(sent.value);
      setValues(empty(comuneCode));
      commons.reload();
    }
  };

  return (
    <Page
      title={t.title}
      lead={t.lead}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: all.pacts.office.title, to: '/patti' },
      ]}
    >
      <ApiErrorAlert error={commons.error ?? territory.error} />
      {(commons.loading || territory.loading) && <Loading />}
      {added && <SuccessAlert>{t.added(added.name)}</SuccessAlert>}
      {shown.length > 0 && (
        <div className="mb-4">
          <TerritoryMap
            comuni={territory.comuni.filter((c) => shown.some((s) => s.comuneCode === c.istatCode))}
            areaColor={() => '#0066cc'}
            areaOpacity={0.1}
            markers={shown.map((c) => ({
              key: c.id,
              latitude: c.latitude,
              longitude: c.longitude,
              radius: 8,
              color: '#008055',
              label: c.name,
            }))}
            caption={t.mapCaption}
          />
        </div>
      )}
      <ul aria-label={t.list}>
        {shown.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> · {all.pacts.pacts.kinds[c.kind]} · {c.place} · {c.comuneName}
          </li>
        ))}
      </ul>
      {hasCapability(me, 'pact.manage') && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-commons" className="mt-4">
          <h2 id="new-commons" className="h3">
            {t.addTitle}
          </h2>
          <ApiErrorAlert error={send.error} />
          <ComuneSelect
            id="commons-comuneCode"
            label={t.comune}
            value={comuneCode}
            onChange={text('comuneCode')}
            comuni={mine}
            ambiti={territory.ambiti}
            error={errors.comuneCode}
            required
          />
          <TextField
            id="commons-name"
            label={t.name}
            value={values.name}
            onChange={text('name')}
            error={errors.name}
            required
          />
          <SelectField
            id="commons-kind"
            label={t.kind}
            value={values.kind}
            onChange={text('kind')}
            options={COMMONS_KINDS.map((kind) => ({ value: kind, label: all.pacts.pacts.kinds[kind] }))}
            error={errors.kind}
            required
          />
          <TextField
            id="commons-place"
            label={t.place}
            value={values.place}
            onChange={text('place')}
            error={errors.place}
            required
          />
          <div className="row">
            <TextField
              id="commons-latitude"
              className="col-6"
              inputMode="decimal"
              label={t.latitude}
              value={values.latitude}
              onChange={text('latitude')}
              error={errors.latitude}
              required
            />
            <TextField
              id="commons-longitude"
              className="col-6"
              inputMode="decimal"
              label={t.longitude}
              value={values.longitude}
              onChange={text('longitude')}
              error={errors.longitude}
              required
            />
          </div>
          <TextAreaField
            id="commons-description"
            label={t.description}
            value={values.description}
            onChange={text('description')}
            error={errors.description}
          />
          <button type="submit" className="btn btn-primary" disabled={send.pending}>
            {t.add}
          </button>
        </form>
      )}
    </Page>
  );
}
