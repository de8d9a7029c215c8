import type { INestApplicationContext } from '@nestjs/common';
import { ProgramActivitiesService } from './program.activities.service';

/**
 * The one place activities are taken from the Nest container and handed to the Temporal worker.
 * Methods are bound so `this` is the injected service.
 */
export function buildActivities(app: INestApplicationContext) {
  const program = app.get(ProgramActivitiesService);
  return {
    appendEvents: program.appendEvents.bind(program),
  };
}
