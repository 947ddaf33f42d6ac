-- Citizens log in with SPID/CIE through OpenID Connect (issue 14): a citizen's account is found by the
-- codice fiscale the identity provider asserts; a login's state (PKCE verifier, nonce) waits here between
-- the redirect and the callback, which any instance may receive. Only the state's hash is stored.
ALTER TABLE users ADD COLUMN codice_fiscale text UNIQUE CHECK (codice_fiscale ~ '^[A-Z0-9]{16}$');

CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expiry_idx ON oidc_logins (expires_at);
