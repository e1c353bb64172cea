// Load: record-belongs-to
// Source: records.csv, every row
// Row: {key: "record:<source>/<record_id>", customer_id}
// (:Record)-[:BELONGS_TO]->(:Customer). A record belongs to one customer: a BELONGS_TO left by
// the export of an earlier run is deleted. Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (r:Record {key: row.key})
MATCH (c:Customer {customer_id: row.customer_id})
MERGE (r)-[:BELONGS_TO]->(c)
WITH r, c
OPTIONAL MATCH (r)-[stale:BELONGS_TO]->(other:Customer)
WHERE other <> c
WITH r, collect(stale) AS stale
FOREACH (relationship IN stale | DELETE relationship)
RETURN count(r) AS rows
