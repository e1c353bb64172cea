// Query: refused-merges-by-rule
// Answers: How many merges did each rule refuse? consent (missing permission), limit
//   (over-merge limits), conflict (contradicting attributes), junk (junk identifiers).
//   A rule that refused nothing has no row.
// Returns: rule, refused
// Embedded: idgraph stats <dir> (refusedByRule)
MATCH (m:RefusedMerge)
RETURN m.rule AS rule, count(*) AS refused
ORDER BY rule
