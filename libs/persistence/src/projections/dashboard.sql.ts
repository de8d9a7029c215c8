// The rows of the dashboard read model as SELECTs over the program and realisation read models,
// shared by the projectors (one program) and the migration that fills the tables (every program).

/**
 * SELECT of `dashboard_programs` rows for the programs `p` matching `where` (SQL over `p.program_id`),
 * read from `from`: the `programs` table, or rows of it just written (an upsert's RETURNING).
 * `signedOffAt`: the sign-off instant, read from the state by default; a writer that has the state
 * at hand passes it (the state is JSON text: reading a member parses it).
 */
export const DASHBOARD_PROGRAM_SQL = (programId: string, where = 'TRUE', from = 'programs', signedOffAt = `(p.state->'report'->>'signedOffAt')::timestamptz`) => `
  SELECT ${programId}, p.school_id, p.region_id, p.budget_year, p.title, p.stage,
         ${signedOffAt}, p.updated_at
    FROM ${from} p WHERE ${where}`;

/**
 * SELECT of `dashboard_components` rows: per program and component, the planned amount of the
 * activities not dropped (as the realisation report counts it) and the sum of the expenditures.
 */
export const DASHBOARD_COMPONENTS_SQL = (programId: string, where = 'TRUE') => `
  SELECT ${programId}, c.component, p.region_id, p.budget_year, sum(c.planned)::bigint, sum(c.realised)::bigint
    FROM programs p
    JOIN (SELECT program_id, component, CASE WHEN status = 'dropped' THEN 0 ELSE planned_amount END AS planned, 0::bigint AS realised
            FROM realisation_activities
          UNION ALL
          SELECT program_id, component, 0, amount FROM realisation_expenditures) c ON c.program_id = p.program_id
   WHERE ${where}
   GROUP BY p.program_id, c.component, p.region_id, p.budget_year`;
