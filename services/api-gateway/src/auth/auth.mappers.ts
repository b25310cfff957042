import type { authPb } from '@cinema/contracts';

export interface UserJson {
  id: string;
  email: string;
  name: string;
  role: string;
}

export function toUserJson(user: authPb.User | undefined): UserJson {
  return {
    id: user?.id ?? '',
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user?.role ?? 'customer',
  };
}

export function toSessionJson(session: authPb.AuthSession) {
  return {
    user: toUserJson(session.user),
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    expiresIn: session.expiresIn,
  };
}
