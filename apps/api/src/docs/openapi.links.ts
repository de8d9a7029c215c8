// OpenAPI links: how a response's ids feed later calls, so a stateful client (Schemathesis's
// stateful phase, a code generator) can walk from a created resource to what acts on it.
import { ROUTES, type RouteSpec } from '../routes/route-table';

type Link = { operationId: string; parameters: Record<string, string> };

const entries = () => Object.entries(ROUTES) as [string, RouteSpec][];

function linksTo(filter: (spec: RouteSpec) => boolean, parameters: (spec: RouteSpec) => Record<string, string>): Record<string, Link> {
  const out: Record<string, Link> = {};
  for (const [id, spec] of entries()) if (filter(spec)) out[id] = { operationId: id, parameters: parameters(spec) };
  return out;
}

/** The links of an operation's success response, if any. */
export function linksOf(operationId: string): Record<string, Link> | undefined {
  switch (operationId) {
    case 'createProgram':
      // Every route on one program, its first activity where the route names one.
      return linksTo(
        (s) => s.path.startsWith('/programs/:id') || s.path.startsWith('/audit/programs/:id'),
        (s) => ({
          id: '$response.body#/programId',
          ...(s.path.includes(':activityId') ? { activityId: '$response.body#/state/plan/activities/0/id' } : {}),
        }),
      );
    case 'listPrograms':
      // Programs that already exist (demo data in scope), further along than a new one.
      return linksTo(
        (s) => (s.path.startsWith('/programs/:id') || s.path.startsWith('/audit/programs/:id')) && !s.path.includes(':activityId'),
        () => ({ id: '$response.body#/items/0/programId' }),
      );
    case 'listCampaigns':
      return { getCampaign: { operationId: 'getCampaign', parameters: { campaignId: '$response.body#/items/0/campaignId' } } };
    case 'getCampaign':
      return linksTo(
        (s) => s.path.startsWith('/campaigns/:campaignId/clusters/:clusterId'),
        () => ({ campaignId: '$response.body#/campaignId', clusterId: '$response.body#/clusters/0/clusterId' }),
      );
    case 'createSchool':
      return { schoolCalendar: { operationId: 'schoolCalendar', parameters: { schoolId: '$response.body#/schoolId' } } };
    case 'createUser':
      return { updateUser: { operationId: 'updateUser', parameters: { userId: '$response.body#/userId' } } };
    case 'addDayOff':
      return { removeDayOff: { operationId: 'removeDayOff', parameters: { id: '$response.body#/dayOffId' } } };
    default:
      return undefined;
  }
}
