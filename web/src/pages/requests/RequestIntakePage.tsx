import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { personPath } from '../../features/people/api';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { BeneficiaryCard } from '../../features/requests/BeneficiaryCard';
import { PersonLookup } from '../../features/requests/PersonLookup';
import { RequestIntakeForm } from '../../features/requests/RequestIntakeForm';
import { useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships, defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

interface Intake {
  /** A new key for every person chosen: the form starts afresh. */
  key: number;
  beneficiary: Person | null;
  newPersonCode: string;
}

/**
 * A phone call, keyboard first: codice fiscale and Enter find the person or open a new one,
 * then the type of help by its number, and Enter saves. The detail page follows, for triage.
 */
export function RequestIntakePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const territory = useTerritory();
  const interventions = useInterventionTypes();
  const [intake, setIntake] = useState<Intake | null>(null);
  // `?persona=`: opened from the access point's desk for the person being served there.
  const presetId = useSearchParams()[0].get('persona');
  const preset = useApi<Person>(presetId ? personPath(presetId) : null);
  const [presetTaken, setPresetTaken] = useState(false);
  if (preset.data && !presetTaken) {
    setPresetTaken(true);
    setIntake({ key: 1, beneficiary: preset.data, newPersonCode: '' });
  }
  const comuni = comuniOfMemberships(me, territory.comuni);
  const start = (beneficiary: Person | null, newPersonCode = '') =>
    setIntake((current) => ({ key: (current?.key ?? 0) + 1, beneficiary, newPersonCode }));

  return (
    <Page
      title={t.requests.intakeTitle}
      lead={t.requests.intakeLead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.requests.title, to: '/richieste' },
      ]}
    >
      <ApiErrorAlert error={territory.error ?? interventions.error ?? preset.error} />
      <PersonLookup onPick={(person) => start(person)} onNew={(code) => start(null, code)} />
      {intake?.beneficiary && (
        <BeneficiaryCard
          person={intake.beneficiary}
          onChange={() => {
            setIntake(null);
            document.getElementById('lookup-q')?.focus();
          }}
        />
      )}
      {intake &&
        (territory.loading || interventions.loading ? (
          <Loading />
        ) : (
          <RequestIntakeForm
            key={intake.key}
            beneficiary={intake.beneficiary}
            newPersonCode={intake.newPersonCode}
            defaultComuneCode={defaultComuneCode(me, comuni, territory.ambiti)}
            types={interventions.active}
            typeName={(x) => (locale === 'en' ? x.nameEn : x.nameIt)}
            comuni={comuni}
            birthplaces={territory.comuni}
            ambiti={territory.ambiti}
            onPersonCreated={(person) =>
              setIntake((current) => current && { ...current, beneficiary: person })
            }
          />
        ))}
    </Page>
  );
}
