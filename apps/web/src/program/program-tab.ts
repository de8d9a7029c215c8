// What the program page gives each of its tabs (kept apart from the page, which imports the tabs).
import type { Program, ProgramView } from '../api/types';

export interface ProgramTabProps {
  program: Program;
  view: ProgramView;
  reload(): void;
}
