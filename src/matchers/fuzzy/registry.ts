// The fuzzy matchers in their fixed order: a pair is credited to the first one whose evidence it shows.
import { address } from './address.js';
import { coResident } from './co-resident.js';
import { emailLocal } from './email-local.js';
import type { FuzzyMatcher } from './matcher.js';
import { name } from './name.js';
import { nationalId } from './national-id.js';
import { nameBirthdate } from './name-birthdate.js';
import { phoneTypo } from './phone-typo.js';

/**
 * Every fuzzy matcher, strongest kind of evidence first. The order decides which matcher a
 * pair's link is credited to (and so its label and weight) when several accept it. The
 * co-resident matcher is last: it weighs what every other matcher refused, once the whole run's
 * co-resident pairs have been counted.
 */
export const FUZZY_MATCHERS: readonly FuzzyMatcher[] = [nameBirthdate, address, phoneTypo, emailLocal, nationalId, name, coResident];
