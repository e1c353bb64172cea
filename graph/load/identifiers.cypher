// Load: identifiers
// Source: identifiers.csv, every row
// Row: {key: "<type>:<value>", type, value, records (int)}
// One (:Identifier) per identifier. MERGE on the unique key, so a second load changes nothing.
UNWIND $rows AS row
MERGE (i:Identifier {key: row.key})
SET i.type = row.type, i.value = row.value, i.records = row.records
RETURN count(*) AS rows
