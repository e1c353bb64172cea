// Load: customers
// Source: customers.csv, every row
// Row: {customer_id, permission_level (int), records (int), identifiers (int), sources (list of strings)}
// One (:Customer) per customer. MERGE on the unique customer_id, so a second load changes nothing.
UNWIND $rows AS row
MERGE (c:Customer {customer_id: row.customer_id})
SET c.permission_level = row.permission_level, c.records = row.records,
    c.identifiers = row.identifiers, c.sources = row.sources
RETURN count(*) AS rows
