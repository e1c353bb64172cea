import { describe, expect, test } from 'vitest';
import { buildIdentityGraph } from '../../src/identity-graph/index.js';
import { DOMAIN_COLOURS, EDGE_COLOURS, IDENTIFIER_COLOURS } from '../../src/pictures/palette.js';
import { renderSubgraphSvg, type RefusedEdge } from '../../src/pictures/subgraph-svg.js';
import type { LinkEdge } from '../../src/resolve/index.js';

const exact = (from: string, to: string): LinkEdge => {
  const type = to.slice(0, to.indexOf(':'));
  return { from, to, matcher: `exact-${type}`, weight: 1, evidence: `record holds this ${type}` };
};

const LINKS: readonly LinkEdge[] = [
  exact('record:shop/s1', 'email:anna@example.org'),
  exact('record:web/w1', 'email:anna@example.org'),
  exact('record:web/w1', 'cookie_id:ck-1'),
  exact('record:shop/s1', 'phone:+4915112345678'),
  { from: 'record:shop/s1', to: 'record:crm/c1', matcher: 'name-birthdate', weight: 0.876, evidence: 'name 0.93, same birth date' },
];
const DOMAINS = { shop: 'crm', crm: 'crm', web: 'online' } as const;

/** The `<g class="node …">` groups of a picture, as [classes, title] pairs. */
function nodes(svg: string): [string, string][] {
  return [...svg.matchAll(/<g class="node ([^"]*)"><title>([^<]*)<\/title>/g)].map((match) => [match[1]!, match[2]!]);
}

describe('renderSubgraphSvg', () => {
  describe('should draw an empty picture with its title', () => {
    test('for an empty graph', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph([]), [], 'cus_0000000000000000');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain('<title>cus_0000000000000000</title>');
      expect(svg).toContain('0 records · 0 identifiers · 0 links · 0 refused merges');
      expect(nodes(svg)).toStrictEqual([]);
    });
  });

  describe('should draw a record without links', () => {
    test('for one isolated record of an unknown domain', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph([], ['record:pos/p1']), [], 'one');
      expect(nodes(svg)).toStrictEqual([['record unknown', 'record pos/p1 (unknown)\n0 links']]);
      expect(svg).toContain(`fill="${DOMAIN_COLOURS.unknown}"`);
      expect(svg).toContain('>record (domain unknown)</text>');
    });
  });

  describe('should colour identifiers by type and records by domain', () => {
    test('for records of both domains and three identifier types', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph(LINKS), [], 'cus_a', { domains: DOMAINS });
      expect(nodes(svg).map(([classes]) => classes).sort()).toStrictEqual([
        'identifier cookie_id',
        'identifier email',
        'identifier phone',
        'record crm',
        'record crm',
        'record online',
      ]);
      expect(svg).toMatch(new RegExp(`<g class="node identifier email"><title>[^<]*</title><circle [^>]*fill="${IDENTIFIER_COLOURS.email}"`));
      expect(svg).toMatch(new RegExp(`<g class="node record online"><title>[^<]*</title><rect [^>]*fill="${DOMAIN_COLOURS.online}"`));
      expect(svg).toMatch(new RegExp(`<g class="node record crm"><title>[^<]*</title><rect [^>]*fill="${DOMAIN_COLOURS.crm}"`));
      for (const label of ['cookie_id', 'email', 'phone', 'crm record', 'online record', 'exact link', 'fuzzy link']) expect(svg).toContain(`>${label}</text>`);
      expect(svg).not.toContain('>refused merge</text>');
    });
  });

  describe('should label links with matcher and weight', () => {
    test('for exact and fuzzy links', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph(LINKS), [], 'cus_a', { domains: DOMAINS });
      expect(svg.match(/class="link exact"/g)).toHaveLength(4);
      expect(svg).toMatch(new RegExp(`<g class="link fuzzy"><title>name-birthdate 0.88: name 0.93, same birth date</title><line [^>]*stroke="${EDGE_COLOURS.fuzzy}"`));
      expect(svg).toContain('>name-birthdate 0.88</text>');
      expect(svg).toContain('>exact-email 1</text>');
      expect(svg).toContain('3 records · 3 identifiers · 5 links · 0 refused merges');
    });

    test('for more than 80 links: labels left to the hover titles, with a note', () => {
      const many = Array.from({ length: 90 }, (_, index) => exact(`record:web/w${index}`, 'email:shared@example.org'));
      const svg = renderSubgraphSvg(buildIdentityGraph(many), [], 'big');
      expect(svg).not.toContain('class="link-label"');
      expect(svg).toContain('link labels omitted at this size');
      expect(svg.match(/<title>exact-email 1: record holds this email<\/title>/g)).toHaveLength(90);
    });
  });

  describe('should draw refused merges dashed red', () => {
    const refused: RefusedEdge[] = [
      { from: 'record:web/w1', to: 'login:anna', rule: 'consent', detail: 'online only needs cookie permission', matcher: 'exact-login', weight: 1, fromCustomer: 'cus_a', toCustomer: 'cus_b' },
      { from: 'login:anna', to: 'record:web/w1', rule: 'consent', detail: 'the same pair again', fromCustomer: 'cus_b', toCustomer: 'cus_a' },
      { from: 'email:junk@test.de', to: '', rule: 'junk', detail: 'placeholder' },
      { from: 'email:elsewhere@x.de', to: 'record:app/a9', rule: 'limit', detail: 'not this customer' },
      { from: 'record:shop/s1', to: 'record:web/w1', rule: 'conflict', detail: 'first names differ' },
      { from: 'record:shop/s1', to: 'nonsense', rule: 'limit', detail: 'a reference no node can be drawn for' },
      { from: 'record:nosource', to: 'record:shop/s1', rule: 'limit', detail: 'a record reference without a source' },
    ];

    test('for a refusal to another customer: a dashed node outside, named by its customer', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph(LINKS), refused, 'cus_a', { domains: DOMAINS });
      expect(svg.match(/<g class="refused">/g)).toHaveLength(2);
      expect(svg).toContain(
        '<g class="refused"><title>refused: consent (exact-login 1, online only needs cookie permission)</title>',
      );
      expect(svg).toMatch(new RegExp(`<g class="refused"><title>[^<]*</title><line [^>]*stroke="${EDGE_COLOURS.refused}"[^>]*stroke-dasharray="6 4"`));
      expect(nodes(svg).filter(([classes]) => classes.includes('outside'))).toStrictEqual([['identifier login outside', 'login: anna\noutside this customer (in cus_b)']]);
      expect(svg).toContain('>refused: conflict</text>');
      expect(svg).toContain('2 refused merges');
      expect(svg).toContain('>outside this customer</text>');
    });

    test('for maxRefused 1: one drawn and a note', () => {
      const svg = renderSubgraphSvg(buildIdentityGraph(LINKS), refused, 'cus_a', { maxRefused: 1 });
      expect(svg.match(/<g class="refused">/g)).toHaveLength(1);
      expect(svg).toContain('showing 1 of 2 refused merges');
    });
  });

  describe('should escape every text', () => {
    test('for a hostile identifier value, source, title and subtitle', () => {
      const svg = renderSubgraphSvg(
        buildIdentityGraph([exact('record:<b>/"1"', 'login:<script>alert(1)</script>')]),
        [],
        '<title>&',
        { subtitle: "it's <i>" },
      );
      expect(svg).not.toMatch(/<script|<b>|<i>|<title>&</);
      expect(svg).toContain('login: &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(svg).toContain('&lt;title&gt;&amp;');
      expect(svg).toContain('it&#39;s &lt;i&gt;');
    });
  });

  describe('should cap the nodes drawn and say so', () => {
    test('for 40 nodes capped at 10', () => {
      const links = Array.from({ length: 20 }, (_, index) => exact(`record:web/w${String(index).padStart(2, '0')}`, `cookie_id:c${index}`));
      links.push(...links.map((link) => exact(link.from, 'email:shared@example.org')));
      const svg = renderSubgraphSvg(buildIdentityGraph(links), [], 'cus_big', { maxNodes: 10 });
      expect(nodes(svg)).toHaveLength(10);
      expect(svg).toContain('showing 10 of 41 nodes');
      expect(nodes(svg)[0]![1]).toContain('email: shared@example.org');
    });

    test('for the default cap of 300', () => {
      const links = Array.from({ length: 400 }, (_, index) => exact(`record:web/w${index}`, 'email:shared@example.org'));
      const svg = renderSubgraphSvg(buildIdentityGraph(links), [], 'cus_big');
      expect(nodes(svg)).toHaveLength(300);
      expect(svg).toContain('showing 300 of 401 nodes');
    });
  });

  describe('should give the same bytes for the same graph', () => {
    test('for links in reverse order and refusals in another order', () => {
      const refused: RefusedEdge[] = [
        { from: 'record:web/w1', to: 'login:x', rule: 'consent', detail: 'd' },
        { from: 'record:shop/s1', to: 'login:y', rule: 'limit', detail: 'd' },
      ];
      const first = renderSubgraphSvg(buildIdentityGraph(LINKS), refused, 'cus_a', { domains: DOMAINS });
      const second = renderSubgraphSvg(buildIdentityGraph([...LINKS].reverse()), [...refused].reverse(), 'cus_a', { domains: DOMAINS });
      expect(second).toBe(first);
    });
  });
});
