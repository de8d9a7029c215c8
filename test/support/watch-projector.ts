import type { Projector } from '@mutu/persistence';

/**
 * `projector` with every query it sends through the append's transaction handed to `seen` (text
 * and stream) before it goes out, the writes it holds for the append's statement too (statement
 * parts as their texts, one per line): for tests that check which statements a projector sends.
 * The transaction handle is patched in place, so state keyed by it stays visible to the projector.
 */
export function watchProjector(projector: Projector, seen: (text: string, streamId: string) => void): Projector {
  return {
    name: projector.name,
    tables: projector.tables,
    apply(tx, streamId, events) {
      const query = tx.query.bind(tx);
      tx.query = ((text: string, values?: unknown[]) => {
        seen(text, streamId);
        return query(text, values);
      }) as typeof tx.query;
      const held = tx as unknown as { defer?: (write: { text: string } | { parts: readonly (readonly [string, string])[] }) => void };
      const defer = held.defer?.bind(tx);
      if (defer) {
        held.defer = (write) => {
          seen('text' in write ? write.text : write.parts.map(([, sql]) => sql.replace(/\s+/g, ' ')).join('\n'), streamId);
          defer(write);
        };
      }
      return projector.apply(tx, streamId, events);
    },
  };
}
