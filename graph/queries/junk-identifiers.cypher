// Query: junk-identifiers
// Answers: Which values were treated as junk and never linked anything? Placeholders
//   (test@test.de, 0000000000, n/a) and values held by implausibly many records. They are not
//   identifier nodes: each is a refused merge with rule junk.
// Returns: key (<type>:<value>), matcher, detail (placeholder value, or held by N records)
// Embedded: idgraph stats <dir> (junk values)
MATCH (m:RefusedMerge {rule: 'junk'})
RETURN m.from AS key, m.matcher AS matcher, m.detail AS detail
ORDER BY key
