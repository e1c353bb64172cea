// Load: links-to-identifiers
// Source: links.csv, the links between a record and an identifier (deterministic matchers)
// Row: {from: "record:<source>/<record_id>", to: "<type>:<value>", matcher, weight (float), evidence}
// (:Record)-[:LINKED {matcher, weight, evidence}]->(:Identifier), one per applied link. MERGE on
// both ends and the matcher, so a second load changes nothing. Returns how many rows found both nodes.
UNWIND $rows AS row
MATCH (a:Record {key: row.from})
MATCH (b:Identifier {key: row.to})
MERGE (a)-[l:LINKED {matcher: row.matcher}]->(b)
SET l.weight = row.weight, l.evidence = row.evidence
RETURN count(*) AS rows
