import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';
import type { JsonWebKeyWithKid, OidcSettings } from '../platform/context.js';

/*
 * A development identity provider standing in for SPID/CIE in tests: oidc-provider (panva) set up
 * as AgID's rules want it — signed request objects required, PKCE, private_key_jwt only, the
 * claims parameter, SPID L2, signed userinfo carrying the fiscal_number claim — with the
 * federation around it: its own entity configuration, and a trust anchor whose fetch endpoint
 * vouches for it. Its login page asks only for the codice fiscale to log in as.
 */

const FISCAL_NUMBER = 'https://attributes.eid.gov.it/fiscal_number';
const SPID_L2 = 'https://www.spid.gov.it/SpidL2';
const TYP = 'entity-statement+jwt';

export interface DevIdentityProvider {
  /** Settings for Legami (the relying party at `clientId`), with its private keys. */
  settings: OidcSettings;
  close: () => Promise<void>;
}

interface Person {
  givenName: string;
  familyName: string;
}

async function privateKey(kid: string): Promise<JsonWebKeyWithKid> {
  const { privateKey: key } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(key)), kid, alg: 'RS256', use: 'sig' };
}

function publicOf(key: JsonWebKeyWithKid): JWK {
  const { kty, kid, n, e, alg, use } = key;
  return { kty, kid, n, e, alg, use };
}

async function sign(key: JsonWebKeyWithKid, claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: TYP })
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(await importJWK(key, 'RS256'));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const LOGIN_PAGE = (uid: string) => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Identity provider di sviluppo</title></head>
<body><main><h1>Identity provider di sviluppo</h1>
<form method="post" action="/interaction/${uid}">
<label for="cf">Codice fiscale</label> <input id="cf" name="codice_fiscale" autocomplete="off">
<button type="submit">Entra</button></form></main></body></html>`;

/**
 * Starts the provider and its trust anchor on free ports of 127.0.0.1, for the relying party at
 * `clientId` (Legami's public address). `people` gives names to codici fiscali (others get a default).
 */
export async function startDevIdentityProvider(options: {
  clientId: string;
  people?: Record<string, Person>;
}): Promise<DevIdentityProvider> {
  const [rpFederation, rpCore, opFederation, opCore, taFederation] = await Promise.all(
    ['rp-fed', 'rp-core', 'op-fed', 'op-core', 'ta-fed'].map(privateKey),
  );
  const opServer = createServer();
  const taServer = createServer();
  const issuer = await listen(opServer);
  const trustAnchor = await listen(taServer);
  const redirectUri = `${options.clientId}/api/auth/spid/callback`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        request_object_signing_alg: 'RS256',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
        jwks: { keys: [publicOf(rpCore!)] },
      },
    ],
    jwks: { keys: [opCore!] },
    clientAuthMethods: ['private_key_jwt'],
    acrValues: [SPID_L2],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name'],
      email: ['email'],
      [FISCAL_NUMBER]: null,
    },
    features: {
      devInteractions: { enabled: false },
      requestObjects: { enabled: true, requireSignedRequestObject: true },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
    },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['legami-dev-idp'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const person = options.people?.[id] ?? { givenName: 'Maria', familyName: 'Bianchi' };
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          given_name: person.givenName,
          family_name: person.familyName,
          [FISCAL_NUMBER]: `TINIT-${id}`,
        }),
      };
    },
  });
  const callback = provider.callback();

  opServer.on('request', (req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', issuer).pathname;
      if (path === '/.well-known/openid-federation') {
        const discovery = (await (
          await fetch(`${issuer}/.well-known/openid-configuration`)
        ).json()) as object;
        const statement = await sign(opFederation!, {
          iss: issuer,
          sub: issuer,
          jwks: { keys: [publicOf(opFederation!)] },
          authority_hints: [trustAnchor],
          metadata: { openid_provider: discovery },
        });
        return send(res, 200, 'application/entity-statement+jwt', statement);
      }
      const interaction = /^\/interaction\/([^/]+)$/.exec(path);
      if (interaction && req.method === 'GET')
        return send(res, 200, 'text/html', LOGIN_PAGE(interaction[1]!));
      if (interaction && req.method === 'POST') {
        const codiceFiscale = (await formOf(req)).get('codice_fiscale')?.trim().toUpperCase() ?? '';
        const grant = new provider.Grant({ accountId: codiceFiscale, clientId: options.clientId });
        grant.addOIDCScope('openid');
        grant.addOIDCClaims(['given_name', 'family_name', 'email', FISCAL_NUMBER]);
        const grantId = await grant.save();
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: codiceFiscale, acr: SPID_L2 }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      }
      return callback(req, res);
    })().catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });

  taServer.on('request', (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', trustAnchor);
      if (url.pathname === '/.well-known/openid-federation') {
        const statement = await sign(taFederation!, {
          iss: trustAnchor,
          sub: trustAnchor,
          jwks: { keys: [publicOf(taFederation!)] },
          metadata: { federation_entity: { federation_fetch_endpoint: `${trustAnchor}/fetch` } },
        });
        return send(res, 200, 'application/entity-statement+jwt', statement);
      }
      if (url.pathname === '/fetch' && url.searchParams.get('sub') === issuer) {
        const statement = await sign(taFederation!, {
          iss: trustAnchor,
          sub: issuer,
          jwks: { keys: [publicOf(opFederation!)] },
        });
        return send(res, 200, 'application/entity-statement+jwt', statement);
      }
      send(res, 404, 'text/plain', 'not found');
    })().catch((error: unknown) => send(res, 500, 'text/plain', String(error)));
  });

  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    settings: {
      issuer,
      trustAnchor,
      clientId: options.clientId,
      redirectUri,
      federationKey: rpFederation!,
      coreKey: rpCore!,
      acr: SPID_L2,
      organizationName: 'Legami (test)',
    },
    close: async () => {
      opServer.closeAllConnections();
      taServer.closeAllConnections();
      await Promise.all([close(opServer), close(taServer)]);
    },
  };
}

/**
 * Walks a browser's way through the provider without a browser: follows the redirects with the
 * provider's cookies, submits the codice fiscale on its login page, and returns the redirect back
 * to Legami's callback (with code and state).
 */
export async function logInAtProvider(authorizationUrl: string, codiceFiscale: string): Promise<string> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      cookies.set(name.trim(), value.join('='));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      init = {};
      continue;
    }
    if (response.status !== 200)
      throw new Error(`provider answered ${response.status}: ${await response.text()}`);
    await response.text();
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ codice_fiscale: codiceFiscale }).toString(),
    };
  }
  throw new Error('too many redirects at the provider');
}
