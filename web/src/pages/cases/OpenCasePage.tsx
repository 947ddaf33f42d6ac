import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CASE_AREAS, type CaseArea, type SocialTeam } from '../../../../shared/src/cases/cases.schemas';
import type { HelpRequestDetail } from '../../../../shared/src/requests/requests.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { createCase } from '../../features/cases/api';
import { personName } from '../../features/people/PeopleTable';
import { requestPath } from '../../features/requests/api';
import { useMe } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SelectField, TextAreaField } from '../../ui/fields';
import type { CaseNotice } from './CasePage';

/** Taking a person into care from a help request: area, reason and team; the case opens. */
export function OpenCasePage() {
  const t = useT();
  const o = t.cases.open;
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requestId = params.get('richiesta') ?? '';
  const request = useApi<HelpRequestDetail>(requestId ? requestPath(requestId) : null);
  const teams = useApi<SocialTeam[]>('/api/social-teams');
  const myTeams = (teams.data ?? []).filter((team) => team.members.some((m) => m.id === me.id));
  const [area, setArea] = useState<CaseArea | ''>('');
  const [reason, setReason] = useState('');
  const [teamId, setTeamId] = useState('');
  const chosenTeam = teamId || myTeams[0]?.id || '';
  const create = useAction(() =>
    createCase({
      personId: request.data?.beneficiary.id ?? '',
      area: area as CaseArea,
      source: 'help_request',
      sourceRequestId: requestId,
      reason,
      teamId: chosenTeam,
    }),
  );
  const fieldErrors = fieldErrorsOf(create.error, t);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r.ok)
      void navigate(`/fascicoli/${r.value.id}`, {
        state: { notice: t.cases.page.title(personName(r.value.person)) } satisfies CaseNotice,
      });
  };
  const person = request.data ? personName(request.data.beneficiary) : '';
  return (
    <Page
      title={o.title}
      lead={request.data ? o.fromRequest(person) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        ...(requestId
          ? [
              { label: t.requests.title, to: '/richieste' },
              { label: person || t.requests.loadingTitle, to: `/richieste/${requestId}` },
            ]
          : []),
      ]}
    >
      <ApiErrorAlert error={request.error ?? teams.error} />
      {(request.loading || teams.loading) && <Loading />}
      {teams.data && myTeams.length === 0 && <p className="alert alert-warning">{o.noTeam}</p>}
      {request.data && myTeams.length > 0 && (
        <form onSubmit={onSubmit} noValidate className="row">
          <SelectField
            id="case-area"
            className="col-12 col-md-6"
            label={t.cases.fields.area}
            value={area}
            onChange={(v) => setArea(v as CaseArea)}
            options={CASE_AREAS.map((a) => ({ value: a, label: t.cases.areas[a] }))}
            placeholder={t.common.choose}
            required
            error={fieldErrors.area}
          />
          <SelectField
            id="case-team"
            className="col-12 col-md-6"
            label={t.cases.fields.team}
            value={chosenTeam}
            onChange={setTeamId}
            options={myTeams.map((team) => ({ value: team.id, label: team.name }))}
            required
            error={fieldErrors.teamId ?? fieldErrors.responsibleUserId}
          />
          <TextAreaField
            id="case-reason"
            className="col-12"
            label={t.cases.fields.reason}
            value={reason}
            onChange={setReason}
            required
            rows={4}
            error={fieldErrors.reason}
          />
          <div className="col-12">
            {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={create.error} />}
            <button type="submit" className="btn btn-primary" disabled={create.pending}>
              {o.submit}
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
