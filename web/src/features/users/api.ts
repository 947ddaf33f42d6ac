import { api } from '../../api/client';
import type { CreateUserBody, User } from '../../../../shared/src/accounts/accounts.schemas';

export const USERS_PATH = '/api/users';
export const createUser = (body: CreateUserBody) =>
  api.post<{ user: User; temporaryPassword: string | null }>(USERS_PATH, body);
export const resetPassword = (userId: string) =>
  api.post<{ temporaryPassword: string }>(`/api/users/${encodeURIComponent(userId)}/reset-password`);
