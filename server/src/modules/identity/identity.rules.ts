/** The claim where SPID and CIE put the codice fiscale, as "TINIT-<codice fiscale>" (AgID). */
export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

/** What we ask the provider to release: the codice fiscale (essential) and the names. */
export const REQUESTED_CLAIMS = {
  userinfo: {
    [FISCAL_NUMBER_CLAIM]: { essential: true },
    given_name: null,
    family_name: null,
    email: null,
  },
  id_token: { [FISCAL_NUMBER_CLAIM]: { essential: true } },
};

const CODICE_FISCALE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * The codice fiscale inside a fiscal_number claim ("TINIT-RSSMRA80A01D150X"), or null when the
 * claim is missing or not an Italian codice fiscale (the shape, omocodia letters included).
 */
export function codiceFiscaleOf(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const match = /^TINIT-(.{16})$/i.exec(claim.trim());
  const code = match?.[1]?.toUpperCase() ?? null;
  return code && CODICE_FISCALE.test(code) ? code : null;
}

/** Where to go after the login: a path of this site only, never another origin ("//evil.example"). */
export function safeReturnPath(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])/.test(raw) && raw.length <= 200 ? raw : '/';
}
