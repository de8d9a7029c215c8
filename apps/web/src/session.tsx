import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { endSession, onSessionChange, readSession, restoreSession, writeSession, type Session } from './api/client';

const SessionContext = createContext<{ session: Session | null; signOut(): void }>({ session: null, signOut() {} });

/** Forgets the session at once; revoking it on the server (and clearing its cookie) is best-effort. */
function signOut(): void {
  writeSession(null);
  endSession().catch(() => undefined);
}

/**
 * Holds the in-memory session. A page load first asks the server for a new access token through
 * the httpOnly refresh cookie, and renders the app once it knows whether the user is signed in,
 * so a reload stays on its page instead of passing through the sign-in screen.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  const [restored, setRestored] = useState(false);
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    let live = true;
    restoreSession()
      .catch(() => null)
      .finally(() => live && setRestored(true));
    return () => {
      live = false;
    };
  }, []);
  if (!restored) return <p className="muted" role="status" aria-busy="true" />;
  return <SessionContext.Provider value={{ session, signOut }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export const hasRole = (session: Session | null, role: string): boolean => !!session?.user.roles.includes(role);

/** Who may import a campaign: the organising agency's officers and admins. */
export const canImportCampaign = (session: Session | null): boolean => hasRole(session, 'district_officer') || hasRole(session, 'admin');
