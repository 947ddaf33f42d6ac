import { api } from '../../api/client';
import type { ChangePasswordBody, LoginBody, Me } from '../../../../shared/src/accounts/accounts.schemas';

export const fetchMe = () => api.get<Me>('/api/auth/me');
export const login = (body: LoginBody) => api.post<Me>('/api/auth/login', body);
export const logout = () => api.post<undefined>('/api/auth/logout');
export const changePassword = (body: ChangePasswordBody) => api.post<undefined>('/api/auth/password', body);
