// The SQL of the region dashboard: every count is an aggregate over the dashboard, deadline and
// school read models; nothing is folded from events per request.

/** Schools of region $1 that pass the filters ($3 level, $4 sub-district, $5 school). */
const SCHOOLS = `SELECT school_id, name, level, sub_district, time_zone FROM schools
   WHERE region_id = $1 AND ($3::text IS NULL OR level = $3) AND ($4::text IS NULL OR sub_district = $4) AND ($5::text IS NULL OR school_id = $5)`;

/**
 * One row per program of budget year $2 at those schools: its open deadlines counted against the
 * school's own day (overdue from the day after the due date, "within 7 days" from today to
 * today + 7) and its planned and realised amounts over every component.
 */
export const PROGRAM_ROWS = `
  WITH s AS (${SCHOOLS}),
       p AS (SELECT d.program_id, d.school_id, d.title, d.stage, d.signed_off_at IS NOT NULL AS signed_off,
                    (now() AT TIME ZONE s.time_zone)::date AS today
               FROM dashboard_programs d JOIN s ON s.school_id = d.school_id
              WHERE d.region_id = $1 AND d.budget_year = $2),
       dl AS (SELECT p.program_id,
                     count(*) FILTER (WHERE dl.due_date < p.today)::int AS overdue,
                     count(*) FILTER (WHERE dl.due_date >= p.today AND dl.due_date <= p.today + 7)::int AS due_soon
                FROM p JOIN deadlines dl ON dl.program_id = p.program_id GROUP BY p.program_id),
       c AS (SELECT c.program_id, sum(c.planned)::bigint AS planned, sum(c.realised)::bigint AS realised
               FROM p JOIN dashboard_components c ON c.program_id = p.program_id GROUP BY c.program_id)
  SELECT p.program_id, p.school_id, p.title, p.stage, p.signed_off,
         coalesce(dl.overdue, 0) AS overdue, coalesce(dl.due_soon, 0) AS due_soon,
         coalesce(c.planned, 0)::float8 AS planned, coalesce(c.realised, 0)::float8 AS realised
    FROM p LEFT JOIN dl ON dl.program_id = p.program_id LEFT JOIN c ON c.program_id = p.program_id
   ORDER BY p.school_id, p.program_id`;

/** Planned and realised per BOSP component over those programs. */
export const COMPONENT_ROWS = `
  WITH s AS (${SCHOOLS})
  SELECT c.component, sum(c.planned)::float8 AS planned, sum(c.realised)::float8 AS realised
    FROM dashboard_components c
    JOIN dashboard_programs d ON d.program_id = c.program_id
    JOIN s ON s.school_id = d.school_id
   WHERE c.region_id = $1 AND c.budget_year = $2
   GROUP BY c.component`;

export const SCHOOL_ROWS = `SELECT s.*, $2::integer AS budget_year FROM (${SCHOOLS}) s ORDER BY name, school_id`;

/** The filter choices: every level and sub-district of the region's schools. */
export const CHOICES = `SELECT array_remove(array_agg(DISTINCT sub_district), NULL) AS sub_districts, array_agg(DISTINCT level) AS levels,
    (now() AT TIME ZONE min(time_zone))::date::text AS today
  FROM schools WHERE region_id = $1`;
