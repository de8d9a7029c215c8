// Given / when / then for any decider of the form decide(command, state) → events, evolve(state,
// event) → state (after oskardudycz/EventSourcing.NodeJS samples/decider/src/testing/unit/
// specification.ts). Uses jest's global `expect`.
import type { DomainErrorCode } from '../errors';
import { isDomainError } from '../errors';

export interface Decider<C, E, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export interface DeciderThen<E extends { type: string }, S> {
  /** The exact events. */
  then(expected: E[]): E[];
  /** The event types, in order; returns the events for further checks. */
  thenEmits(types: E['type'][]): E[];
  /** Returns the state after folding the produced events. */
  thenState(): S;
  thenThrows(code: DomainErrorCode, status?: number): void;
}

export interface DeciderGiven<C, E extends { type: string }, S> {
  state: S;
  when(command: C): DeciderThen<E, S>;
}

/** `given(history | state).when(command).then…`: a history is folded from the initial state. */
export function deciderSpecification<C, E extends { type: string }, S>(d: Decider<C, E, S>) {
  return function given(history: readonly E[] | S = []): DeciderGiven<C, E, S> {
    const state: S = Array.isArray(history) ? (history as readonly E[]).reduce(d.evolve, d.initialState()) : (history as S);
    return {
      state,
      when(command) {
        const run = () => d.decide(command, state);
        return {
          then(expected) {
            const events = run();
            expect(events).toEqual(expected);
            return events;
          },
          thenEmits(types) {
            const events = run();
            expect(events.map((e) => e.type)).toEqual(types);
            return events;
          },
          thenState() {
            return run().reduce(d.evolve, state);
          },
          thenThrows(code, status) {
            let thrown: unknown;
            try {
              run();
            } catch (e) {
              thrown = e;
            }
            if (!isDomainError(thrown)) {
              throw new Error(`Expected DomainError ${code}, got ${thrown === undefined ? 'no error' : String(thrown)}`);
            }
            expect(thrown.code).toBe(code);
            if (status !== undefined) expect(thrown.status).toBe(status);
          },
        };
      },
    };
  };
}

/** Decides and folds each command in turn (a refusal throws): the events and the final state. */
export function runDecider<C, E, S>(d: Decider<C, E, S>, commands: readonly C[], from: S = d.initialState()): { events: E[]; state: S } {
  const events: E[] = [];
  let state = from;
  for (const c of commands) {
    const produced = d.decide(c, state);
    events.push(...produced);
    state = produced.reduce(d.evolve, state);
  }
  return { events, state };
}
