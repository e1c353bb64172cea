// Load: refused-merges
// Source: refused.csv, every row
// Row: {key: "<from>|<to>|<matcher>|<rule>", rule, detail, matcher, weight (float), from, to,
//       from_customer, to_customer} (to, from_customer and to_customer may be null)
// One (:RefusedMerge) per refused merge; the refused-from-* and refused-to-* statements then
// attach it to its sides. MERGE on the unique key, so a second load changes nothing.
UNWIND $rows AS row
MERGE (m:RefusedMerge {key: row.key})
SET m.rule = row.rule, m.detail = row.detail, m.matcher = row.matcher, m.weight = row.weight,
    m.from = row.from, m.to = row.to, m.from_customer = row.from_customer, m.to_customer = row.to_customer
RETURN count(*) AS rows
