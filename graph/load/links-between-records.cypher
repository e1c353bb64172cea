// Load: links-between-records
// Source: links.csv, the links between two records (fuzzy matchers)
// Row: {from: "record:<source>/<record_id>", to: "record:<source>/<record_id>", matcher, weight (float), evidence}
// (:Record)-[:LINKED {matcher, weight, evidence}]->(:Record), one per applied link. MERGE on both
// ends and the matcher, so a second load changes nothing. Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (a:Record {key: row.from})
MATCH (b:Record {key: row.to})
MERGE (a)-[l:LINKED {matcher: row.matcher}]->(b)
SET l.weight = row.weight, l.evidence = row.evidence
RETURN count(*) AS rows
