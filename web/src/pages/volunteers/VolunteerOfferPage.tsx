import { useRef, useState, type FormEvent } from 'react';
import type { VolunteerOfferReceipt } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { decodeCodiceFiscale } from '../../features/people/codiceFiscale';
import { ComuneSelect } from '../../features/territory/ComuneSelect';
import { useTerritory } from '../../features/territory/useTerritory';
import { offerToVolunteer } from '../../features/volunteers/api';
import { ProfileFields } from '../../features/volunteers/ProfileFields';
import { emptyProfile, toProfileBody, type ProfileValues } from '../../features/volunteers/volunteerProfile';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, RadioGroup, TextField } from '../../ui/fields';
import { LargeText } from '../../ui/LargeText';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

interface Identity {
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  comuneCode: string;
  codiceFiscale: string;
  birthDate: string;
  sex: '' | 'M' | 'F';
}

const EMPTY: Identity = {
  givenName: '',
  familyName: '',
  phone: '',
  email: '',
  comuneCode: '',
  codiceFiscale: '',
  birthDate: '',
  sex: '',
};

/** The public form (no login): a citizen offers to volunteer, with the privacy consent. */
export function VolunteerOfferPage() {
  const t = useT();
  const territory = useTerritory();
  const [identity, setIdentity] = useState<Identity>(EMPTY);
  const [profile, setProfile] = useState<ProfileValues>(emptyProfile);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | undefined>();
  const [receipt, setReceipt] = useState<VolunteerOfferReceipt | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const set = (key: keyof Identity) => (value: string) => setIdentity((v) => ({ ...v, [key]: value }));
  const offer = useAction(() =>
    offerToVolunteer({
      givenName: identity.givenName.trim(),
      familyName: identity.familyName.trim(),
      phone: identity.phone.trim(),
      email: identity.email.trim() || null,
      comuneCode: identity.comuneCode,
      codiceFiscale: identity.codiceFiscale.trim() || null,
      birthDate: identity.birthDate || null,
      sex: identity.sex || null,
      ...toProfileBody(profile),
      consentPrivacy: consent,
    }),
  );
  const errors = fieldErrorsOf(offer.error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!consent) {
      setConsentError(t.volunteers.consentRequired);
      document.getElementById('offer-consent')?.focus();
      return;
    }
    setConsentError(undefined);
    const result = await offer.run();
    if (result.ok) {
      setReceipt(result.value);
      window.scrollTo(0, 0);
    } else alertRef.current?.focus();
  };

  return (
    <Page title={t.volunteers.offerTitle} lead={t.volunteers.offerLead}>
      <LargeText>
        {receipt ? (
          <>
            <SuccessAlert>
              <p className="mb-0 fw-semibold">{t.volunteers.offerSent}</p>
              <p className="mb-0">{receipt.message}</p>
            </SuccessAlert>
            <button
              type="button"
              className="btn btn-outline-primary btn-lg"
              onClick={() => {
                setReceipt(null);
                setIdentity(EMPTY);
                setProfile(emptyProfile());
                setConsent(false);
              }}
            >
              {t.volunteers.offerAgain}
            </button>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <ApiErrorAlert error={offer.error ?? territory.error} ref={alertRef} />
            <fieldset className="mb-4">
              <legend className="h4">{t.volunteers.offerAboutYou}</legend>
              <div className="row">
                <TextField
                  id="offer-givenName"
                  className="col-12 col-md-6"
                  label={t.volunteers.givenName}
                  value={identity.givenName}
                  onChange={set('givenName')}
                  error={errors.givenName}
                  autoComplete="given-name"
                  required
                />
                <TextField
                  id="offer-familyName"
                  className="col-12 col-md-6"
                  label={t.volunteers.familyName}
                  value={identity.familyName}
                  onChange={set('familyName')}
                  error={errors.familyName}
                  autoComplete="family-name"
                  required
                />
                <TextField
                  id="offer-phone"
                  className="col-12 col-md-6"
                  type="tel"
                  label={t.volunteers.phone}
                  value={identity.phone}
                  onChange={set('phone')}
                  error={errors.phone}
                  autoComplete="tel"
                  required
                />
                <TextField
                  id="offer-email"
                  className="col-12 col-md-6"
                  type="email"
                  label={t.volunteers.email}
                  value={identity.email}
                  onChange={set('email')}
                  error={errors.email}
                  autoComplete="email"
                />
                <ComuneSelect
                  id="offer-comune"
                  className="col-12 col-md-6"
                  label={t.volunteers.comune}
                  value={identity.comuneCode}
                  onChange={set('comuneCode')}
                  comuni={territory.comuni}
                  ambiti={territory.ambiti}
                  error={errors.comuneCode}
                  placeholder={t.common.choose}
                  required
                />
              </div>
              <div className="row">
                <TextField
                  id="offer-codiceFiscale"
                  className="col-12 col-md-6"
                  label={t.volunteers.codiceFiscale}
                  hint={t.volunteers.codiceFiscaleHint}
                  value={identity.codiceFiscale}
                  onChange={set('codiceFiscale')}
                  onBlur={() => {
                    const decoded = decodeCodiceFiscale(identity.codiceFiscale);
                    if (decoded)
                      setIdentity((v) => ({
                        ...v,
                        birthDate: v.birthDate || decoded.birthDate,
                        sex: v.sex || decoded.sex,
                      }));
                  }}
                  error={errors.codiceFiscale}
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={20}
                />
                <TextField
                  id="offer-birthDate"
                  className="col-12 col-md-6"
                  type="date"
                  label={t.volunteers.birthDate}
                  value={identity.birthDate}
                  onChange={set('birthDate')}
                  error={errors.birthDate}
                  autoComplete="bday"
                />
                <div className="col-12 col-md-6">
                  <RadioGroup
                    name="offer-sex"
                    legend={t.volunteers.sex}
                    value={identity.sex}
                    onChange={(v) => set('sex')(v === 'F' ? 'F' : 'M')}
                    options={[
                      { value: 'F', label: t.volunteers.sexF },
                      { value: 'M', label: t.volunteers.sexM },
                    ]}
                    error={errors.sex}
                  />
                </div>
              </div>
            </fieldset>
            <ProfileFields
              idPrefix="offer"
              values={profile}
              onChange={(patch) => setProfile((p) => ({ ...p, ...patch }))}
              errors={errors}
              comuni={territory.comuni}
              ambiti={territory.ambiti}
            />
            <div className="form-group">
              <CheckboxField
                id="offer-consent"
                label={t.volunteers.consent}
                checked={consent}
                onChange={setConsent}
              />
              {(consentError ?? errors.consentPrivacy) && (
                <p className="field-error">{consentError ?? errors.consentPrivacy}</p>
              )}
            </div>
            <button type="submit" className="btn btn-primary btn-lg" disabled={offer.pending}>
              {offer.pending ? t.common.saving : t.volunteers.offerSubmit}
            </button>
          </form>
        )}
      </LargeText>
    </Page>
  );
}
