// Load: records
// Source: records.csv, every row
// Row: {key: "record:<source>/<record_id>", record_id, source, domain (online or crm, from run.json; null for a source it lacks)}
// One (:Record) per input record. MERGE on the unique key, so a second load changes nothing.
UNWIND $rows AS row
MERGE (r:Record {key: row.key})
SET r.record_id = row.record_id, r.source = row.source, r.domain = row.domain
RETURN count(*) AS rows
