/**
 * An error a person can act on: a stable code for programs, an Italian message for people,
 * and the HTTP status. Thrown by services; the HTTP layer turns it into a response.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const unauthenticated = () =>
  new AppError(401, 'UNAUTHENTICATED', 'Accesso richiesto: effettua il login.');
export const forbidden = () => new AppError(403, 'FORBIDDEN', 'Il tuo ruolo non consente questa operazione.');
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} non trovato.`);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, details);
export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(422, code, message, details);
