// DESIGN.md rule 1: which permissions a merge needs, given the domains it would join.
import type { ConsentMode } from '../../config/index.js';
import { DOMAIN_CRM, DOMAIN_ONLINE, latest, type LatestPermission } from '../component-state.js';
import { ALLOWED, refused, type RuleOutcome } from './rule-outcome.js';

export interface ConsentSide {
  readonly domains: number;
  readonly cookie: LatestPermission;
  readonly crm: LatestPermission;
}

const describe = (value: -1 | 0 | 1) => (value === 1 ? 'granted' : value === -1 ? 'denied' : 'not given');

/**
 * Decides whether two components may merge. The permissions judged are the latest explicit
 * values over the records of BOTH sides (what the merged customer would carry).
 * - enforce: online+crm needs cookie and CRM granted; online only needs cookie; crm only needs CRM.
 * - strict: every merge needs both.
 * - ignore: always allowed.
 */
export function checkConsent(a: ConsentSide, b: ConsentSide, mode: ConsentMode): RuleOutcome {
  if (mode === 'ignore') return ALLOWED;
  const domains = a.domains | b.domains;
  const cookie = latest(a.cookie, b.cookie).value;
  const crm = latest(a.crm, b.crm).value;
  const needsCookie = mode === 'strict' || (domains & DOMAIN_ONLINE) !== 0;
  const needsCrm = mode === 'strict' || (domains & DOMAIN_CRM) !== 0;
  if ((needsCookie && cookie !== 1) || (needsCrm && crm !== 1)) {
    const joining =
      mode === 'strict' ? 'strict mode' : domains === (DOMAIN_ONLINE | DOMAIN_CRM) ? 'online + crm' : domains === DOMAIN_ONLINE ? 'online only' : 'crm only';
    const needs = needsCookie && needsCrm ? 'cookie and crm permission' : needsCookie ? 'cookie permission' : 'crm permission';
    return refused('consent', `${joining} needs ${needs}; latest cookie ${describe(cookie)}, crm ${describe(crm)}`);
  }
  return ALLOWED;
}

/** Permission level of a customer: 1 none, 2 cookie or CRM, 3 both. */
export function permissionLevel(cookie: LatestPermission, crm: LatestPermission): 1 | 2 | 3 {
  const granted = (cookie.value === 1 ? 1 : 0) + (crm.value === 1 ? 1 : 0);
  return (1 + granted) as 1 | 2 | 3;
}
