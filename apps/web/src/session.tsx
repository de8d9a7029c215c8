import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { onSessionChange, readSession, writeSession, type Session } from './api/client';

const SessionContext = createContext<{ session: Session | null; signOut(): void }>({ session: null, signOut() {} });

/** Forgets the session at once; revoking the refresh token on the server is best-effort. */
function signOut(): void {
  const refreshToken = readSession()?.refreshToken;
  writeSession(null);
  if (refreshToken) {
    fetch('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) }).catch(() => undefined);
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  useEffect(() => onSessionChange(setSession), []);
  return <SessionContext.Provider value={{ session, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export const hasRole = (session: Session | null, role: string): boolean => !!session?.user.roles.includes(role);

/** Who may import a campaign: the organising agency's officers and admins. */
export const canImportCampaign = (session: Session | null): boolean => hasRole(session, 'district_officer') || hasRole(session, 'admin');
