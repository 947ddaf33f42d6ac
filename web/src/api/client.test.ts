import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler, withQuery } from './client';

function answer(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on a POST but not on a GET', async () => {
    const fetchMock = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-1');
    await api.get('/api/people');
    await api.post('/api/people', { givenName: 'Anna' });
    const headersOf = (call: number) =>
      (fetchMock.mock.calls[call] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headersOf(0)['x-csrf-token']).toBeUndefined();
    expect(headersOf(1)['x-csrf-token']).toBe('token-1');
    expect((fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1].credentials).toBe('same-origin');
  });

  it('turns an error body into an ApiError that names the field', async () => {
    vi.stubGlobal(
      'fetch',
      answer(422, {
        error: {
          code: 'CF_CHECK_CHARACTER',
          message: 'Il codice fiscale non è valido.',
          details: { field: 'codiceFiscale' },
        },
      }),
    );
    const error = await api.post('/api/people', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CF_CHECK_CHARACTER');
    expect((error as ApiError).fieldIssues).toEqual([
      { field: 'codiceFiscale', message: 'Il codice fiscale non è valido.' },
    ]);
  });

  it('lists every field of a schema validation error', async () => {
    const fields = [
      { field: 'givenName', message: 'Il campo «nome» è obbligatorio.' },
      { field: 'birthDate', message: 'Il campo «data di nascita» è obbligatorio.' },
    ];
    vi.stubGlobal(
      'fetch',
      answer(400, { error: { code: 'VALIDATION_FAILED', message: 'x', details: { fields } } }),
    );
    const error = (await api.post('/api/people', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldIssues).toEqual(fields);
  });

  it('sends the user back to login on a 401, but not when probing the session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal(
      'fetch',
      answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Accesso richiesto.' } }),
    );
    await api.get('/api/auth/me').catch(() => undefined);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await api.get('/api/people?q=rossi').catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server as a NETWORK error in Italian', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await api.get('/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/server/);
  });

  it('uploads a file as it is, with its own content type and the CSRF token', async () => {
    const fetchMock = answer(202, { importId: 'x' });
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-2');
    const file = new Blob(['nome;cognome\n'], { type: 'text/csv' });
    await apiRequest('/api/volunteers/imports', {
      method: 'POST',
      raw: { body: file, contentType: 'text/csv' },
    });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('token-2');
    expect(init.body).toBe(file);
  });

  it('leaves empty filters out of the query string', () => {
    expect(withQuery('/api/audit', { entityId: 'abc', actor: '', from: undefined, limit: 25 })).toBe(
      '/api/audit?entityId=abc&limit=25',
    );
  });
});
