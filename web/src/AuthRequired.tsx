import { useEffect, type ReactNode } from 'react';
import { useUser } from './components';
import { navigate, useLocation } from './router';

/** Pages of a signed-in customer: anyone else is sent to sign in, and back here afterwards. */
export function AuthRequired({ children }: { children: ReactNode }) {
  const user = useUser();
  const location = useLocation();
  useEffect(() => {
    if (!user) navigate(`/sign-in?next=${encodeURIComponent(location)}`, { replace: true });
  }, [user, location]);
  return user ? <>{children}</> : null;
}
