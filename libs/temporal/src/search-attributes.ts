import { defineSearchAttributeKey } from '@temporalio/common';

/** Registered on the dev server by provisioning; on a remote cluster with `temporal operator`. */
export const SA_SCHOOL = defineSearchAttributeKey('MutuSchoolId', 'KEYWORD');
export const SA_REGION = defineSearchAttributeKey('MutuRegionId', 'KEYWORD');
export const SA_BUDGET_YEAR = defineSearchAttributeKey('MutuBudgetYear', 'INT');
export const SA_STAGE = defineSearchAttributeKey('MutuStage', 'KEYWORD');
