// idgraph graph schema for Neo4j 5: uniqueness constraints first, then indexes.
// Every statement is idempotent (IF NOT EXISTS): `idgraph export neo4j` runs them all, one by
// one and outside the data transactions, before the first batch; run them by hand with
// `cypher-shell -f graph/schema.cypher` before a `neo4j-admin database import` load is queried.
//
// Model (see graph/README.md):
//   (:Identifier {key, type, value, records})   key = <type>:<value>, e.g. email:anna@example.org
//   (:Record {key, record_id, source, domain})  key = record:<source>/<record_id>
//   (:Customer {customer_id, permission_level, records, identifiers, sources})
//   (:RefusedMerge {key, rule, detail, matcher, weight, from, to, from_customer, to_customer})
//   (:Record)-[:LINKED {matcher, weight, evidence}]->(:Identifier|:Record)   every applied link
//   (:Record|:Identifier)-[:BELONGS_TO]->(:Customer)
//   (:RefusedMerge)-[:REFUSED_FROM]->(:Record|:Identifier), -[:REFUSED_TO]->(...)

// Uniqueness constraints: MERGE on these keys then uses the index behind the constraint.
// (Node key constraints would also require the property, but they are Enterprise-only.)
CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (n:Identifier) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT record_key IF NOT EXISTS FOR (n:Record) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (n:Customer) REQUIRE n.customer_id IS UNIQUE;
CREATE CONSTRAINT refused_merge_key IF NOT EXISTS FOR (n:RefusedMerge) REQUIRE n.key IS UNIQUE;

// The same four keys as plain range indexes. On Neo4j these are no-ops: an unnamed
// CREATE INDEX IF NOT EXISTS on the schema of a uniqueness constraint finds the constraint's
// index and adds nothing. They stay for engines whose constraints build no index. They must come
// after the constraints: an index created first would make the constraint fail.
CREATE INDEX IF NOT EXISTS FOR (n:Identifier) ON (n.key);
CREATE INDEX IF NOT EXISTS FOR (n:Record) ON (n.key);
CREATE INDEX IF NOT EXISTS FOR (n:Customer) ON (n.customer_id);
CREATE INDEX IF NOT EXISTS FOR (n:RefusedMerge) ON (n.key);

// Indexes for the named queries in graph/queries.
CREATE INDEX identifier_type IF NOT EXISTS FOR (n:Identifier) ON (n.type);
CREATE INDEX record_source IF NOT EXISTS FOR (n:Record) ON (n.source);
CREATE INDEX customer_records IF NOT EXISTS FOR (n:Customer) ON (n.records);
CREATE INDEX customer_permission_level IF NOT EXISTS FOR (n:Customer) ON (n.permission_level);
CREATE INDEX refused_merge_rule IF NOT EXISTS FOR (n:RefusedMerge) ON (n.rule);
CREATE INDEX refused_merge_from_customer IF NOT EXISTS FOR (n:RefusedMerge) ON (n.from_customer);
CREATE INDEX refused_merge_to_customer IF NOT EXISTS FOR (n:RefusedMerge) ON (n.to_customer);
