import { useState, type FormEvent } from 'react';
import type { Commons, CreateProposalBody, Proposal } from '../../../../shared/src/pacts/pacts.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { api, withQuery } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { TerritoryMap } from '../territory/TerritoryMap';
import { brokenProposalRules, emptyProposal, toProposalBody, type ProposalValues } from './proposalForm';

const sendProposal = (body: CreateProposalBody) => api.post<Proposal>('/api/pacts/proposals', body);

interface PactProposalFormProps {
  comuni: Comune[];
  ambiti: Ambito[];
  defaultComuneCode: string;
  onSent: (proposal: Proposal) => void;
  /** The office types a proposal received at the desk: the proposer's name and contact too. */
  atDesk?: boolean;
}

/**
 * A citizen's proposal of a pact for a common of the register (shown on the map) or for a place
 * not yet in it. Every field the server refuses is named next to it, all at once.
 */
export function PactProposalForm({
  comuni,
  ambiti,
  defaultComuneCode,
  onSent,
  atDesk = false,
}: PactProposalFormProps) {
  const { t: all } = useI18n();
  const t = all.pacts.propose;
  const [values, setValues] = useState<ProposalValues>(() => emptyProposal(defaultComuneCode));
  const [broken, setBroken] = useState<Record<string, string>>({});
  const send = useAction(sendProposal);
  const commons = useApi<Commons[]>(
    values.comuneCode ? withQuery('/api/commons', { comune: values.comuneCode }) : null,
  );
  const errors = { ...broken, ...fieldErrorsOf(send.error, all) };
  const patch = (change: Partial<ProposalValues>) => setValues((v) => ({ ...v, ...change }));
  const chosen = commons.data?.find((c) => c.id === values.commonsId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The rules are checked here too so that they show with the schema's errors, not after them.
    setBroken(Object.fromEntries(brokenProposalRules(values, atDesk).map((rule) => [rule, t.rules[rule]])));
    const sent = await send.run(toProposalBody(values));
    if (sent.ok) onSent(sent.value);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ApiErrorAlert error={send.error} />
      <ComuneSelect
        id="proposal-comuneCode"
        label={t.comune}
        value={values.comuneCode}
        onChange={(comuneCode) => patch({ comuneCode, commonsId: '' })}
        comuni={comuni}
        ambiti={ambiti}
        error={errors.comuneCode}
        placeholder={t.chooseComune}
        required
      />
      {commons.data && commons.data.length > 0 && (
        <div className="mb-4">
          <TerritoryMap
            comuni={comuni.filter((c) => c.istatCode === values.comuneCode)}
            areaColor={() => '#0066cc'}
            areaOpacity={0.1}
            markers={commons.data.map((c) => ({
              key: c.id,
              latitude: c.latitude,
              longitude: c.longitude,
              radius: c.id === values.commonsId ? 11 : 7,
              color: c.id === values.commonsId ? '#cc334d' : '#008055',
              label: c.name,
            }))}
            caption={t.mapCaption}
          />
        </div>
      )}
      <SelectField
        id="proposal-commonsId"
        label={t.commons}
        value={values.commonsId}
        onChange={(commonsId) => patch({ commonsId })}
        options={(commons.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.name} (${all.pacts.pacts.kinds[c.kind]}, ${c.place})`,
        }))}
        placeholder={t.otherPlace}
        error={errors.commonsId}
        hint={chosen?.description || t.commonsHint}
      />
      {!values.commonsId && (
        <TextField
          id="proposal-commonsName"
          label={t.commonsName}
          value={values.commonsName}
          onChange={(commonsName) => patch({ commonsName })}
          error={errors.commonsName}
          required
        />
      )}
      <TextField
        id="proposal-title"
        label={t.title}
        value={values.title}
        onChange={(title) => patch({ title })}
        error={errors.title}
        required
      />
      <TextAreaField
        id="proposal-description"
        label={t.description}
        hint={t.descriptionHint}
        value={values.description}
        onChange={(description) => patch({ description })}
        error={errors.description}
        rows={5}
        required
      />
      <RadioGroup
        name="proposal-proposerKind"
        legend={t.proposerKind}
        value={values.proposerKind}
        onChange={(kind) => patch({ proposerKind: kind === 'group' ? 'group' : 'citizen' })}
        options={[
          { value: 'citizen', label: t.asCitizen },
          { value: 'group', label: t.asGroup },
        ]}
        error={errors.proposerKind}
        stacked
      />
      {values.proposerKind === 'group' && (
        <TextField
          id="proposal-groupName"
          label={t.groupName}
          value={values.groupName}
          onChange={(groupName) => patch({ groupName })}
          error={errors.groupName}
          required
        />
      )}
      {atDesk && (
        <>
          <TextField
            id="proposal-proposerFullName"
            label={t.desk.fullName}
            value={values.proposerFullName}
            onChange={(proposerFullName) => patch({ proposerFullName })}
            error={errors.proposerFullName}
            required
          />
          <TextField
            id="proposal-proposerEmail"
            type="email"
            label={t.desk.email}
            value={values.proposerEmail}
            onChange={(proposerEmail) => patch({ proposerEmail })}
            error={errors.proposerEmail}
          />
        </>
      )}
      <TextField
        id="proposal-proposerPhone"
        type="tel"
        label={atDesk ? t.desk.phone : t.phone}
        hint={atDesk ? t.desk.contactHint : t.phoneHint}
        value={values.proposerPhone}
        onChange={(proposerPhone) => patch({ proposerPhone })}
        error={errors.proposerPhone}
        autoComplete="tel"
      />
      <button type="submit" className="btn btn-primary btn-lg" disabled={send.pending}>
        {atDesk ? t.desk.submit : t.submit}
      </button>
    </form>
  );
}
