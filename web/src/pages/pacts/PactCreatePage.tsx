import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Commons, CreatePactBody, Pact, Proposal } from '../../../../shared/src/pacts/pacts.schemas';
import { api, withQuery } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { fieldKey, pactFromProposal, toPactBody, type PactValues } from '../../features/pacts/pactForm';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const signPact = (body: CreatePactBody) => api.post<Pact>('/api/pacts', body);

function PactForm({ proposal, commons }: { proposal: Proposal; commons: Commons[] }) {
  const { t: all } = useI18n();
  const t = all.pacts.office;
  const navigate = useNavigate();
  const [values, setValues] = useState<PactValues>(() => pactFromProposal(proposal));
  const send = useAction(signPact);
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(send.error, all)).map(([field, message]) => [fieldKey(field), message]),
  );
  const patch = (change: Partial<PactValues>) => setValues((v) => ({ ...v, ...change }));
  const text = (key: keyof PactValues) => (value: string) => patch({ [key]: value });
  const comuneName = commons[0]?.comuneName ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(toPactBody(values, proposal, comuneName));
    if (sent.ok) void navigate(`/patti/${sent.value.id}`);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ApiErrorAlert error={send.error} />
      <SelectField
        id="pact-commonsId"
        label={t.commons}
        value={values.commonsId}
        onChange={text('commonsId')}
        options={commons.map((c) => ({ value: c.id, label: `${c.name} (${c.place})` }))}
        placeholder={t.chooseCommons}
        hint={proposal.commonsId ? undefined : t.commonsFromText(proposal.commonsName)}
        error={errors.commonsId}
        required
      />
      <TextField
        id="pact-title"
        label={t.pactTitle}
        value={values.title}
        onChange={text('title')}
        error={errors.title}
        required
      />
      <TextAreaField
        id="pact-purpose"
        label={t.purpose}
        value={values.purpose}
        onChange={text('purpose')}
        error={errors.purpose}
        required
      />
      <TextAreaField
        id="pact-comuneDuties"
        label={t.comuneDuties(comuneName)}
        value={values.comuneDuties}
        onChange={text('comuneDuties')}
        error={errors['parties.0.duties']}
        required
      />
      <TextAreaField
        id="pact-proposerDuties"
        label={t.proposerDuties(proposal.groupName ?? proposal.proposerFullName)}
        value={values.proposerDuties}
        onChange={text('proposerDuties')}
        error={errors['parties.1.duties'] ?? errors['parties.1.contact']}
        required
      />
      <TextAreaField
        id="pact-comuneSupport"
        label={t.comuneSupport}
        hint={t.comuneSupportHint}
        value={values.comuneSupport}
        onChange={text('comuneSupport')}
        error={errors.comuneSupport}
        required
      />
      <div className="row">
        <TextField
          id="pact-startsOn"
          className="col-12 col-md-6"
          type="date"
          label={t.startsOn}
          value={values.startsOn}
          onChange={text('startsOn')}
          error={errors.startsOn}
          required
        />
        <TextField
          id="pact-endsOn"
          className="col-12 col-md-6"
          type="date"
          label={t.endsOn}
          value={values.endsOn}
          onChange={text('endsOn')}
          error={errors.endsOn}
          required
        />
      </div>
      <RadioGroup
        name="pact-renewal"
        legend={t.renewal}
        value={values.renewal}
        onChange={(renewal) => patch({ renewal: renewal === 'none' ? 'none' : 'on_request' })}
        options={[
          { value: 'on_request', label: t.renewable },
          { value: 'none', label: t.notRenewable },
        ]}
        stacked
      />
      <button type="submit" className="btn btn-primary btn-lg" disabled={send.pending}>
        {t.sign}
      </button>
    </form>
  );
}

/** `/patti/nuovo?proposta=…`: the pact signed from an accepted proposal, with the duties of each party. */
export function PactCreatePage() {
  const { t: all } = useI18n();
  const t = all.pacts.office;
  const id = useSearchParams()[0].get('proposta');
  const proposals = useApi<Proposal[]>('/api/pacts/proposals');
  const proposal = proposals.data?.find((p) => p.id === id);
  const commons = useApi<Commons[]>(
    proposal ? withQuery('/api/commons', { comune: proposal.comuneCode }) : null,
  );
  return (
    <Page
      title={t.signTitle}
      lead={proposal ? t.signLead(proposal.title) : undefined}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: t.title, to: '/patti' },
      ]}
    >
      <ApiErrorAlert error={proposals.error ?? commons.error} />
      {(proposals.loading || commons.loading) && <Loading />}
      {proposals.data && !proposal && <p>{t.proposalMissing}</p>}
      {proposal && commons.data && <PactForm proposal={proposal} commons={commons.data} />}
    </Page>
  );
}
