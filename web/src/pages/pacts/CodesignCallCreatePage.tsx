import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CallDetail, CreateCallBody } from '../../../../shared/src/codesign/codesign.schemas';
import type { ProjectSummary } from '../../../../shared/src/funds/funds.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { emptyCall, toCallBody, type CallValues } from '../../features/codesign/codesignForms';
import { fieldKey } from '../../features/pacts/pactForm';
import { useMe } from '../../features/session/SessionProvider';
import { ComuneSelect } from '../../features/territory/ComuneSelect';
import { comuniOfMemberships, defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const publish = (body: CreateCallBody) => api.post<CallDetail>('/api/codesign/calls', body);

/** `/co-progettazione/avvisi/nuovo`: the administrator publishes a call with its criteria and project. */
export function CodesignCallCreatePage() {
  const { t: all } = useI18n();
  const t = all.pacts.codesignOffice;
  const me = useMe();
  const navigate = useNavigate();
  const territory = useTerritory();
  const projects = useApi<ProjectSummary[]>('/api/projects');
  const [values, setValues] = useState<CallValues>(emptyCall);
  const send = useAction(publish);
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(send.error, all)).map(([field, message]) => [fieldKey(field), message]),
  );
  const text = (key: keyof Omit<CallValues, 'criteria'>) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const criterion = (index: number, key: 'label' | 'maxScore') => (value: string) =>
    setValues((v) => ({
      ...v,
      criteria: v.criteria.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    }));
  const comuneCode = values.comuneCode || defaultComuneCode(me, territory.comuni, territory.ambiti);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(toCallBody(values, comuneCode));
    if (sent.ok) void navigate(`/co-progettazione/avvisi/${sent.value.id}`);
  };

  return (
    <Page
      title={t.newCall}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: t.title, to: '/co-progettazione/avvisi' },
      ]}
    >
      <ApiErrorAlert error={territory.error ?? projects.error} />
      {(territory.loading || projects.loading) && <Loading />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ApiErrorAlert error={send.error} />
        <ComuneSelect
          id="call-comuneCode"
          label={t.comune}
          value={comuneCode}
          onChange={text('comuneCode')}
          comuni={comuniOfMemberships(me, territory.comuni)}
          ambiti={territory.ambiti}
          error={errors.comuneCode}
          required
        />
        <TextField
          id="call-title"
          label={t.callTitle}
          value={values.title}
          onChange={text('title')}
          error={errors.title}
          required
        />
        <TextAreaField
          id="call-description"
          label={t.description}
          value={values.description}
          onChange={text('description')}
          error={errors.description}
          required
        />
        <TextField
          id="call-budget"
          label={t.budgetEuro}
          inputMode="decimal"
          value={values.budget}
          onChange={text('budget')}
          error={errors.budgetCents}
          required
        />
        <div className="row">
          <TextField
            id="call-opensOn"
            className="col-12 col-md-6"
            type="date"
            label={t.opensOn}
            value={values.opensOn}
            onChange={text('opensOn')}
            error={errors.opensOn}
            required
          />
          <TextField
            id="call-closesOn"
            className="col-12 col-md-6"
            type="date"
            label={t.closesOn}
            value={values.closesOn}
            onChange={text('closesOn')}
            error={errors.closesOn}
            required
          />
        </div>
        <SelectField
          id="call-fundProjectId"
          label={t.fundProject}
          hint={t.fundProjectHint}
          value={values.fundProjectId}
          onChange={text('fundProjectId')}
          options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
          placeholder={t.noFundProject}
          error={errors.fundProjectId}
        />
        <fieldset className="mb-3">
          <legend className="h5">{t.criteria}</legend>
          {errors.criteria && (
            <p className="text-danger" role="alert">
              {errors.criteria}
            </p>
          )}
          {values.criteria.map((c, i) => (
            <div key={i} className="row align-items-end">
              <TextField
                id={`call-criterion-${i}-label`}
                className="col-12 col-md-8"
                label={t.criterionLabel(i + 1)}
                value={c.label}
                onChange={criterion(i, 'label')}
                error={errors[`criteria.${i}.label`]}
                required
              />
              <TextField
                id={`call-criterion-${i}-maxScore`}
                className="col-8 col-md-3"
                label={t.criterionMax(i + 1)}
                inputMode="numeric"
                value={c.maxScore}
                onChange={criterion(i, 'maxScore')}
                error={errors[`criteria.${i}.maxScore`]}
                required
              />
              {values.criteria.length > 1 && (
                <div className="col-4 col-md-1 form-group">
                  <button
                    type="button"
                    className="btn btn-link px-0"
                    aria-label={t.removeCriterion(i + 1)}
                    onClick={() =>
                      setValues((v) => ({ ...v, criteria: v.criteria.filter((_, j) => j !== i) }))
                    }
                  >
                    {t.remove}
                  </button>
                </div>
              )}
            </div>
          ))}
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() =>
              setValues((v) => ({ ...v, criteria: [...v.criteria, { label: '', maxScore: '' }] }))
            }
          >
            {t.addCriterion}
          </button>
        </fieldset>
        <button type="submit" className="btn btn-primary btn-lg" disabled={send.pending}>
          {t.publish}
        </button>
      </form>
    </Page>
  );
}
