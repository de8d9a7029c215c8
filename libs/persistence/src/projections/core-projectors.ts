import type { Projector } from '../event-store/event-store.types';
import { CampaignProjector } from './campaign.projector';
import { DashboardProjector } from './dashboard.projector';
import { ProgramProjector } from './program.projector';
import { RealisationProjector } from './realisation.projector';
import { SchoolReportingProjector } from './school-reporting.projector';

/**
 * Persistence's own read models, in the order they must run (later ones read the rows earlier ones
 * wrote): the one list the live event store and `mutu projections rebuild` share.
 * `foldedPrograms`: how many programs' folded states the program projector remembers between
 * appends (in a worker, as many as it caches workflows).
 */
export function coreProjectors(opts: { foldedPrograms?: number } = {}): Projector[] {
  const programs = new ProgramProjector({ maxFolded: opts.foldedPrograms });
  return [programs, new CampaignProjector(), new RealisationProjector(), new DashboardProjector(), new SchoolReportingProjector()];
}
