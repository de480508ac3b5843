/**
 * The API benchmark's data set, generated directly in SQL (INSERT … SELECT generate_series), since
 * importing and scanning a million tasks would take far longer than the benchmark itself. Only what
 * GET /tasks reads is generated: partners, partnerships, companies and tasks, shaped as the scan
 * writes them (the details carry the fields the urgency column is computed from). Deterministic:
 * the same seed gives the same rows.
 */
import pg from "pg";

/** The evaluation instant: tasks are opened before it, snoozes end around it, the API clock stands on it. */
export const BENCH_AT = new Date("2025-06-02T08:00:00.000Z");

export interface DataShape {
  readonly partners: number;
  readonly companiesPerPartner: number;
  readonly tasksPerCompany: number;
}

export const partnerId = (n: number) => `P${String(n).padStart(4, "0")}`;

/**
 * Every fifth partner also has an MSSP partnership holding 30 % of its companies. Reseller companies
 * get renewals (40 %), licence usage (35 %) and churn-risk tasks; MSSP companies get inactive
 * products (75 %) and churn-risk tasks. Churn risk is inactive scanners (15 %, always medium) and
 * failed SNS/WAS scans (6 % + 4 %, always high). The other types are 13 % high, 33 % medium and
 * 53 % low, which makes about 20 % high, 40 % medium and 40 % low overall. Statuses: 80 % open,
 * 5 % snoozed (two in five of them already woken, so open), 5 % dismissed, 10 % resolved.
 */
const PARTNERS_SQL = `
  INSERT INTO partners (id, name)
  SELECT 'P' || lpad(p::text, 4, '0'), 'Partner ' || p || ' AB' FROM generate_series(1, $1::int) p;
  INSERT INTO partnerships (id, partner_id, name, type)
  SELECT 'P' || lpad(p::text, 4, '0') || '-R', 'P' || lpad(p::text, 4, '0'), 'Partner ' || p || ' Resale', 'reseller'
  FROM generate_series(1, $1::int) p
  UNION ALL
  SELECT 'P' || lpad(p::text, 4, '0') || '-M', 'P' || lpad(p::text, 4, '0'), 'Partner ' || p || ' Managed', 'mssp'
  FROM generate_series(5, $1::int, 5) p;
  INSERT INTO companies (id, partner_id, partnership_id, name, account_state, tags)
  SELECT 'C' || lpad(c::text, 7, '0'), pid,
         pid || CASE WHEN p % 5 = 0 AND (c - 1) % $2::int < $2::int * 3 / 10 THEN '-M' ELSE '-R' END,
         (ARRAY['Nordic', 'Baltic', 'Alpine', 'Coastal', 'Northern', 'Central', 'Harbour', 'Summit'])[1 + c % 8]
           || ' ' || (ARRAY['Logistics', 'Health', 'Retail', 'Energy', 'Finance', 'Foods', 'Media'])[1 + c % 7]
           || ' ' || c || ' AB',
         'active', '{}'
  FROM generate_series(1, $1::int * $2::int) c,
       LATERAL (SELECT (c - 1) / $2::int + 1 AS p) q,
       LATERAL (SELECT 'P' || lpad(q.p::text, 4, '0') AS pid) r`;

const TASKS_SQL = `
  WITH draw AS (
    SELECT t, (t - 1) % $2::int AS slot, 'C' || lpad(((t - 1) / $2::int + 1)::text, 7, '0') AS company,
           random() AS r_type, random() AS r_sev, random() AS r_status, random() AS r_value,
           random() AS r_size, random() AS r_age
    FROM generate_series(1, $1::int) t
  ), typed AS (
    SELECT d.*, c.partner_id, c.partnership_id,
           CASE WHEN ps.type = 'reseller' THEN
             CASE WHEN r_type < 0.40 THEN 'contract-renewal' WHEN r_type < 0.75 THEN 'license-usage'
                  WHEN r_type < 0.90 THEN 'inactive-scanners' WHEN r_type < 0.96 THEN 'sns-failed-scans'
                  ELSE 'was-failed-scans' END
           ELSE
             CASE WHEN r_type < 0.75 THEN 'inactive-product' WHEN r_type < 0.90 THEN 'inactive-scanners'
                  WHEN r_type < 0.96 THEN 'sns-failed-scans' ELSE 'was-failed-scans' END
           END AS type,
           (ARRAY['SNS', 'DA', 'WAS', 'CS', 'PAT'])[1 + d.slot % 5] AS product
    FROM draw d
    JOIN companies c ON c.id = d.company
    JOIN partnerships ps ON ps.id = c.partnership_id
  ), graded AS (
    SELECT *,
           CASE WHEN type = 'inactive-scanners' THEN 'medium'
                WHEN type LIKE '%failed-scans' THEN 'high'
                WHEN r_sev < 0.133 THEN 'high' WHEN r_sev < 0.467 THEN 'medium' ELSE 'low' END AS severity,
           CASE WHEN r_status < 0.80 THEN 'open' WHEN r_status < 0.85 THEN 'snoozed'
                WHEN r_status < 0.90 THEN 'dismissed' ELSE 'resolved' END AS status,
           CASE product WHEN 'SNS' THEN 'System & Network Security' WHEN 'DA' THEN 'Device Agent'
                WHEN 'WAS' THEN 'Web Application Security' WHEN 'CS' THEN 'Cloud Security'
                ELSE 'Phishing Simulation & Awareness Training' END AS product_name,
           $3::timestamptz - make_interval(days => (r_age * 365)::int, hours => (r_size * 24)::int) AS opened_at
    FROM typed
  ), valued AS (
    SELECT *,
           CASE severity WHEN 'high' THEN -10 + floor(r_value * 40) WHEN 'medium' THEN 30 + floor(r_value * 60)
                ELSE 90 + floor(r_value * 90) END::int AS days_remaining,
           CASE severity WHEN 'high' THEN 100 + r_value * 50 WHEN 'medium' THEN 90 + r_value * 10
                ELSE 80 + r_value * 10 END AS usage_target,
           10 + floor(r_size * 490)::int AS licensed,
           CASE severity WHEN 'high' THEN 90 + floor(r_value * 200) WHEN 'medium' THEN 60 + floor(r_value * 30)
                ELSE 30 + floor(r_value * 30) END::int AS days_inactive,
           1 + floor(r_value * 4)::int AS inactive_count,
           1 + floor(r_value * 6)::int AS failed_count,
           'SO-' || substr(company, 2) || '-' || slot AS order_number
    FROM graded
  ), detailed AS (
    SELECT v.*, round(v.licensed * v.usage_target / 100)::int AS used,
           CASE v.type
             WHEN 'contract-renewal' THEN jsonb_build_object('orderNumber', order_number,
               'endDate', to_char($3::timestamptz + make_interval(days => days_remaining), 'YYYY-MM-DD'),
               'daysRemaining', days_remaining, 'monthsRemaining', greatest(days_remaining, 0) / 30,
               'expired', days_remaining < 0, 'acv', 1000 + floor(r_size * 49000), 'currency', 'EUR')
             WHEN 'inactive-product' THEN jsonb_build_object('product', product, 'productName', product_name,
               'lastUsedAt', to_char(($3::timestamptz - make_interval(days => days_inactive)) AT TIME ZONE 'UTC',
                 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'daysInactive', days_inactive)
             WHEN 'inactive-scanners' THEN jsonb_build_object('inactiveCount', inactive_count,
               'totalCount', inactive_count + floor(r_size * 5)::int,
               'inactiveScanners', (SELECT jsonb_agg(jsonb_build_object('id', company || '-S' || i,
                 'name', 'Scanner ' || i, 'lastSeenAt', NULL)) FROM generate_series(1, inactive_count) i))
             WHEN 'license-usage' THEN NULL
             ELSE jsonb_build_object('product', CASE type WHEN 'sns-failed-scans' THEN 'SNS' ELSE 'WAS' END,
               'failedScanCount', failed_count, 'scanDate', to_char($3::timestamptz, 'YYYY-MM-DD'),
               'failedScans', (SELECT jsonb_agg(jsonb_build_object('id', company || '-SCAN' || slot || '-' || i,
                 'target', 'target-' || i, 'startedAt', to_char(($3::timestamptz - make_interval(days => i))
                   AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) FROM generate_series(1, failed_count) i))
           END AS details_other
    FROM valued v
  )
  INSERT INTO tasks (id, partner_id, partnership_id, company_id, fingerprint, type, subject, category, severity,
                     severity_rank, status, title, details, tab, highlight, rule_id, snoozed_until, assignee_id,
                     opened_at, updated_at, resolved_at, previous_task_id)
  SELECT md5('task' || t)::uuid::text, partner_id, partnership_id, company,
         -- The slot keeps fingerprints unique, as the live-fingerprint index demands.
         type || '/' || company || '/' || slot, type,
         CASE WHEN type = 'contract-renewal' THEN order_number
              WHEN type IN ('license-usage', 'inactive-product') THEN product ELSE '' END,
         category, severity, CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END,
         status,
         CASE type
           WHEN 'contract-renewal' THEN 'Contract ' || order_number || CASE WHEN days_remaining >= 0
             THEN ' ends in ' || days_remaining || ' days' ELSE ' ended ' || -days_remaining || ' days ago' END
           WHEN 'license-usage' THEN product_name || ' licence at ' || round(used * 100.0 / licensed, 1) || ' % ('
             || used || ' of ' || licensed || ')'
           WHEN 'inactive-product' THEN product_name || ' unused for ' || days_inactive || ' days'
           WHEN 'inactive-scanners' THEN (details_other->>'inactiveCount') || ' scanner appliances of '
             || (details_other->>'totalCount') || ' inactive'
           ELSE failed_count || ' failed ' || (details_other->>'product') || ' scans'
         END,
         CASE WHEN type = 'license-usage' THEN jsonb_build_object('product', product, 'productName', product_name,
           'licensed', licensed, 'used', used, 'usagePercent', round(used * 100.0 / licensed, 1),
           'suggestUpgrade', used * 100 >= licensed * 90,
           'measuredAt', to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ELSE details_other END,
         category,
         CASE WHEN type = 'contract-renewal' THEN ARRAY[order_number]
              WHEN type IN ('license-usage', 'inactive-product') THEN ARRAY[product]
              ELSE ARRAY(SELECT e->>'id' FROM jsonb_array_elements(
                coalesce(details_other->'inactiveScanners', details_other->'failedScans')) e) END,
         CASE type WHEN 'inactive-scanners' THEN 'R-SCANNERS-2' WHEN 'sns-failed-scans' THEN 'R-FAILED-SCANS-2'
              WHEN 'was-failed-scans' THEN 'R-FAILED-SCANS-2'
              ELSE CASE type WHEN 'contract-renewal' THEN 'R-RENEWAL-' WHEN 'license-usage' THEN 'R-USAGE-'
                   ELSE 'R-INACTIVE-' END || CASE severity WHEN 'high' THEN 4 WHEN 'medium' THEN 3 ELSE 2 END
         END,
         -- Snoozes end within ±30 days of now: about 40 % have already woken (they count as open).
         CASE WHEN status = 'snoozed' THEN $3::timestamptz + make_interval(days => (r_value * 50)::int - 20) END,
         NULL, opened_at, opened_at + make_interval(days => (r_size * 10)::int),
         CASE WHEN status = 'resolved' THEN least($3::timestamptz, opened_at + make_interval(days => 20)) END,
         NULL
  FROM (SELECT *, CASE WHEN type = 'contract-renewal' THEN 'commercial'
                       WHEN type IN ('license-usage', 'inactive-product') THEN 'product-usage'
                       ELSE 'churn-risk' END AS category
        FROM detailed) x`;

/** Fills a freshly migrated database; returns the row counts it wrote. */
export async function generateData(
  url: string,
  shape: DataShape,
  seed = 0.42,
): Promise<{ companies: number; tasks: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One session: setseed makes every random() below repeatable. The task insert's estimated cost
    // (a subplan per row) would make PostgreSQL spend longer compiling it with JIT than running it.
    await client.query("select setseed($1)", [seed]);
    await client.query("set jit = off");
    for (const statement of PARTNERS_SQL.split(/;\s*\n/)) {
      await client.query(statement, statementParams(statement, shape));
    }
    const tasks = shape.partners * shape.companiesPerPartner * shape.tasksPerCompany;
    const result = await client.query(TASKS_SQL, [tasks, shape.tasksPerCompany, BENCH_AT.toISOString()]);
    // What autovacuum does within minutes of a bulk load; running it now keeps it out of the runs.
    await client.query("vacuum analyze");
    return { companies: shape.partners * shape.companiesPerPartner, tasks: result.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}

/** The partner statements take the partner count, and the companies one the companies per partner. */
function statementParams(statement: string, shape: DataShape): number[] {
  return statement.includes("$2") ? [shape.partners, shape.companiesPerPartner] : [shape.partners];
}

/** Size of the tasks table and its indexes, for the report. */
export async function dataSize(url: string): Promise<{ table: string; indexes: string; rows: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select pg_size_pretty(pg_table_size('tasks')) as table,
              pg_size_pretty(pg_indexes_size('tasks')) as indexes,
              (select count(*) from tasks)::text as rows`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
