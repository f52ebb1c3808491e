/**
 * Authorisation rules of personal data (R-71; 152-FZ; clause 5 of the regulation): the log of who
 * viewed and exported personal data is read by the school's administrator and director; the
 * administrator makes the monthly check of personal data and records a withdrawn consent.
 */
import { hasSchoolRole } from '../roles';
import { inSchool } from './common';
import type { Rules, SchoolObject, StudentObject } from './objects';

export interface PersonalDataObjects {
  /** The log of views of personal cards and exports of personal data. */
  'personalData.readAccessLog': SchoolObject;
  /** The monthly check: the cards changed since the last one, and recording the check. */
  'personalData.check': SchoolObject;
  /** Record that a parent or the student withdrew consent to processing: their access ends. */
  'personalData.withdrawConsent': StudentObject;
}

export const personalDataRules: Rules<PersonalDataObjects> = {
  'personalData.readAccessLog': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator', 'director'),
  'personalData.check': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator'),
  'personalData.withdrawConsent': (p, o) => inSchool(p, o) && hasSchoolRole(p, o.schoolId, 'administrator'),
};
