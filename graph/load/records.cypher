// Load: records
// Source: records.csv, every row
// Row: {key: "record:<source>/<record_id>", record_id, source, domain (null when the run did not write it)}
// One (:Record) per input record. MERGE on the unique key, so a second load changes nothing.
UNWIND $rows AS row
MERGE (r:Record {key: row.key})
SET r.record_id = row.record_id, r.source = row.source, r.domain = row.domain
RETURN count(*) AS rows
