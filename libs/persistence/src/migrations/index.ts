import { EventStore1760000000000 } from './1760000000000-event-store';
import { Identity1760000000100 } from './1760000000100-identity';
import { ApiSessions1760000000200 } from './1760000000200-api-sessions';
import { AuditCheckpoints1760000000300 } from './1760000000300-audit-checkpoints';
import { Deadlines1760000000400 } from './1760000000400-deadlines';
import { Notifications1760000000410 } from './1760000000410-notifications';
import { EventsOnlyAppend1760000000500 } from './1760000000500-events-only-append';
import { EventsJsonText1760000000510 } from './1760000000510-events-json-text';
import { Campaigns1760000000600 } from './1760000000600-campaigns';
import { ProgramDueDates1760000000700 } from './1760000000700-program-due-dates';
import { ProgramsChangedNotify1760000000800 } from './1760000000800-programs-changed-notify';
import { ApplicationRole1760000001000 } from './1760000001000-application-role';
import { LoginAttempts1760000000900 } from './1760000000900-login-attempts';
import { AccountSecurity1760000001200 } from './1760000001200-account-security';
import { NotificationCentre1760000001210 } from './1760000001210-notification-centre';
import { CheckpointsAppendOnly1760000001300 } from './1760000001300-checkpoints-append-only';
import { WorkflowRunArchive1760000001310 } from './1760000001310-workflow-run-archive';
import { BospComponents1760000001400 } from './1760000001400-bosp-components';
import { Realisation1760000001410 } from './1760000001410-realisation';
import { SchoolSubDistrict1760000001500 } from './1760000001500-school-sub-district';
import { DeadlinePolicyRegions1760000001510 } from './1760000001510-deadline-policy-regions';
import { NationalDaysOffLoads1760000001512 } from './1760000001512-national-days-off-loads';
import { SchoolSupervisors1760000001520 } from './1760000001520-school-supervisors';
import { StatutoryDeadlines1760000001560 } from './1760000001560-statutory-deadlines';
import { RealisationExpenditureKey1760000001565 } from './1760000001565-realisation-expenditure-key';
import { BospComponents20261760000001570 } from './1760000001570-bosp-components-2026';
import { Dashboard1760000001580 } from './1760000001580-dashboard';
import { AppendChainCheck1760000001600 } from './1760000001600-append-chain-check';
import { ProgramsAnnouncedAfterCommit1760000001610 } from './1760000001610-programs-announced-after-commit';
import { ProgramStateJsonText1760000001620 } from './1760000001620-program-state-json-text';
import { ProgramStateSnapshots1760000001630 } from './1760000001630-program-state-snapshots';
import { ProgramEvidence1760000001640 } from './1760000001640-program-evidence';

export { PROGRAMS_CHANGED_CHANNEL } from './1760000000800-programs-changed-notify';
export { PROGRAMS_ANNOUNCED_SETTING } from './1760000001610-programs-announced-after-commit';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [EventStore1760000000000, Identity1760000000100, ApiSessions1760000000200, AuditCheckpoints1760000000300, Deadlines1760000000400, Notifications1760000000410, EventsOnlyAppend1760000000500, EventsJsonText1760000000510, Campaigns1760000000600, ProgramDueDates1760000000700, ProgramsChangedNotify1760000000800, LoginAttempts1760000000900, ApplicationRole1760000001000, AccountSecurity1760000001200, NotificationCentre1760000001210, CheckpointsAppendOnly1760000001300, WorkflowRunArchive1760000001310, BospComponents1760000001400, Realisation1760000001410, SchoolSubDistrict1760000001500, DeadlinePolicyRegions1760000001510, NationalDaysOffLoads1760000001512, SchoolSupervisors1760000001520, StatutoryDeadlines1760000001560, RealisationExpenditureKey1760000001565, BospComponents20261760000001570, Dashboard1760000001580, AppendChainCheck1760000001600, ProgramsAnnouncedAfterCommit1760000001610, ProgramStateJsonText1760000001620, ProgramStateSnapshots1760000001630, ProgramEvidence1760000001640];
