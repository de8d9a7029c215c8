// Given / when / then for the decider (after oskardudycz/EventSourcing.NodeJS
// samples/decider/src/testing/unit/specification.ts). Uses jest's global `expect`.
import type { DomainErrorCode } from '../errors';
import { isDomainError } from '../errors';
import type { ProgramCommand } from '../program/program.commands';
import { decide } from '../program/program.decider';
import type { ProgramEvent, ProgramEventType } from '../program/program.events';
import { evolve, fold } from '../program/program.evolve';
import type { ProgramState } from '../program/program.state';

export interface Then {
  /** The exact events. */
  then(expected: ProgramEvent[]): ProgramEvent[];
  /** The event types, in order; returns the events for further checks. */
  thenEmits(types: ProgramEventType[]): ProgramEvent[];
  /** Returns the state after folding the produced events. */
  thenState(): ProgramState;
  thenThrows(code: DomainErrorCode, status?: number): void;
}

export function given(history: readonly ProgramEvent[] | ProgramState = []) {
  const state: ProgramState = Array.isArray(history) ? fold(history as ProgramEvent[]) : (history as ProgramState);
  return {
    state,
    when(command: ProgramCommand): Then {
      const run = () => decide(command, state);
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
          return run().reduce(evolve, state);
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
}
