// Load: refused-from-records
// Source: refused.csv, the rows whose `from` side is a record (junk refusals have no sides:
// a junk value never becomes a node)
// Row: {key: the RefusedMerge key, ref: "record:<source>/<record_id>"}
// (:RefusedMerge)-[:REFUSED_FROM]->(:Record). MERGE, so a second load changes nothing.
// Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (m:RefusedMerge {key: row.key})
MATCH (side:Record {key: row.ref})
MERGE (m)-[:REFUSED_FROM]->(side)
RETURN count(*) AS rows
