// The header's unread count follows the inbox: pages that mark notifications read announce it.
const EVENT = 'mutu:unread-changed';

export function announceUnread(unread: number): void {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: unread }));
}

export function onUnreadChange(listener: (unread: number) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<number>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
