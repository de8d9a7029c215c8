// Types only: the campaign workflows import these as types; the worker implements them.
import type { MeetingScheduleItem } from '@mutu/calendar';
import type { AppendEventsInput, AppendEventsResult } from '../program/program.activities';

export interface AppendStreamInput extends Omit<AppendEventsInput, 'events'> {
  events: { type: string; v: number; data: object }[];
}

export interface ComputeMeetingScheduleInput {
  campaignId: string;
  clusterId: string;
  timeZone: string;
  /** Local days off of the core school's region apply to the whole cluster. */
  schoolId: string;
  regionId: string;
  meetings: { number: number; plannedDate: string; documented: boolean }[];
}

export interface CampaignActivities {
  /** The same `appendEvents` activity as the program's: the store is generic over streams. */
  appendEvents(input: AppendStreamInput): Promise<AppendEventsResult>;
  computeMeetingSchedule(input: ComputeMeetingScheduleInput): Promise<MeetingScheduleItem[]>;
}
