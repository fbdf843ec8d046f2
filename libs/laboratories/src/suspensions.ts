/**
 * A laboratory's (`l`) suspensions as a JSON array of { from, until, reason }, newest first: a
 * subquery on the index (laboratory_id, suspended_from), so a laboratory is still read in one
 * statement. Dates come out of json_build_object as YYYY-MM-DD text.
 */
export const SUSPENSIONS_JSON = (l: string) => `coalesce((
  SELECT json_agg(json_build_object('from', ls.suspended_from, 'until', ls.suspended_until, 'reason', ls.reason)
                  ORDER BY ls.suspended_from DESC)
    FROM laboratory_suspensions ls WHERE ls.laboratory_id = ${l}.id), '[]'::json)`;
