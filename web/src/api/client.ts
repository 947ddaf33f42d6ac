/**
 * The one way the web app talks to the Legami API: JSON in and out, the session cookie,
 * the CSRF token on every state-changing request, and `{ error: { code, message, details } }`
 * turned into an ApiError.
 */

export interface FieldIssue {
  field: string;
  message: string;
}

/** An error the API answered with (or a network failure, status 0). `message` is in Italian. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The fields the server blamed: `details.fields[]` (schema validation) or `details.field` (a rule). */
  get fieldIssues(): FieldIssue[] {
    const { field, fields } = this.details;
    if (Array.isArray(fields)) {
      return fields.filter(isFieldIssue).map((f) => ({ field: f.field, message: f.message }));
    }
    return typeof field === 'string' ? [{ field, message: this.message }] : [];
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  const v = value as Partial<FieldIssue> | null;
  return typeof v?.field === 'string' && typeof v.message === 'string';
}

const NETWORK_ERROR_CODE = 'NETWORK';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the token of the current session (from login or /me); null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the session is gone (401 on any call but login and /me): the app returns to login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

// These two answer 401 as part of their normal work: no session yet, or wrong password.
const SESSION_PROBES = new Set(['/api/auth/me', '/api/auth/login']);

type QueryValue = string | number | boolean | null | undefined;

/** `path?k=v` with empty values left out, so filters map 1:1 to query strings. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an upload) with its content type, instead of a JSON body. */
  raw?: { body: Blob; contentType: string };
  signal?: AbortSignal;
  /** Extra request headers, e.g. an `Idempotency-Key` so a retried booking creates nothing new. */
  headers?: Record<string, string>;
}

/**
 * Sends one request to the API.
 * @throws ApiError with the server's code and Italian message, or code NETWORK when unreachable.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.raw) headers['content-type'] = options.raw.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw
        ? options.raw.body
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      NETWORK_ERROR_CODE,
      'Impossibile contattare il server: controlla la connessione e riprova.',
    );
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const error = toApiError(response.status, payload);
  if (response.status === 401 && !SESSION_PROBES.has(path.split('?')[0] ?? '')) onUnauthorized?.();
  throw error;
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  const code = typeof body?.code === 'string' ? body.code : `HTTP_${status}`;
  const message =
    typeof body?.message === 'string' ? body.message : `Errore imprevisto del server (${status}).`;
  const details =
    body?.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : {};
  return new ApiError(status, code, message, details);
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    apiRequest<T>(path, { method: 'POST', body, headers }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};
