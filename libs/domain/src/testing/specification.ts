// Given / when / then for the program's decider (see decider-specification.ts).
import type { ProgramCommand } from '../program/program.commands';
import { decide } from '../program/program.decider';
import type { ProgramEvent } from '../program/program.events';
import { evolve } from '../program/program.evolve';
import { initialProgramState, type ProgramState } from '../program/program.state';
import { deciderSpecification, type DeciderThen } from './decider-specification';

export type Then = DeciderThen<ProgramEvent, ProgramState>;

export const given = deciderSpecification<ProgramCommand, ProgramEvent, ProgramState>({ decide, evolve, initialState: initialProgramState });
