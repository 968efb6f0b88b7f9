import type { ResilienceDatabase } from './resilienceDatabase';

/**
 * Invariants of the plugin's tables that a half-written result would break,
 * each as a query that returns the offending rows.
 */
const CHECKS: Record<string, string> = {
  'Dockerfile rows not from the scan behind their entity’s result': `
    SELECT d.entity_ref, d.scan_id FROM dockerfiles d
    LEFT JOIN entities e ON e.entity_ref = d.entity_ref
    WHERE e.entity_ref IS NULL OR e.last_scan_id IS DISTINCT FROM d.scan_id`,
  'entities whose Dockerfile count disagrees with their Dockerfile rows': `
    SELECT e.entity_ref, e.dockerfile_count, count(d.id) AS rows FROM entities e
    LEFT JOIN dockerfiles d ON d.entity_ref = e.entity_ref
    WHERE e.last_scan_id IS NOT NULL
    GROUP BY e.entity_ref, e.dockerfile_count
    HAVING count(d.id) <> e.dockerfile_count`,
  'findings without their Dockerfile': `
    SELECT f.entity_ref, f.id FROM findings f
    LEFT JOIN dockerfiles d ON d.id = f.dockerfile_id
    WHERE d.id IS NULL OR d.entity_ref <> f.entity_ref`,
  'rule tallies that disagree with the findings': `
    SELECT coalesce(r.entity_ref, f.entity_ref) AS entity_ref FROM
      (SELECT entity_ref, sum(finding_count) AS n FROM rule_counts GROUP BY entity_ref) r
    FULL OUTER JOIN
      (SELECT entity_ref, count(*) AS n FROM findings GROUP BY entity_ref) f
    ON f.entity_ref = r.entity_ref
    WHERE r.n IS DISTINCT FROM f.n`,
  'results pointing at a scan that does not exist or is not a success': `
    SELECT e.entity_ref FROM entities e
    LEFT JOIN scans s ON s.id = e.last_scan_id
    WHERE e.last_scan_id IS NOT NULL AND (s.id IS NULL OR s.status <> 'ok')`,
  'entities marked ok without a result': `
    SELECT entity_ref FROM entities
    WHERE status = 'ok' AND last_scan_id IS NULL`,
};

/** Every broken invariant with its offending rows; empty when consistent. */
export async function consistencyProblems(
  database: ResilienceDatabase,
): Promise<Record<string, unknown[]>> {
  const problems: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const rows = await database.query(sql);
    if (rows.length > 0) {
      problems[name] = rows;
    }
  }
  return problems;
}
