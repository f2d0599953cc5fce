/**
 * Reference data of the domain (see the README glossary). Kept in one file so the lists can change
 * without touching any rule.
 */
export const PROVINCES = ['ANTWERPEN', 'LIMBURG', 'OOST_VLAANDEREN', 'VLAAMS_BRABANT', 'WEST_VLAANDEREN', 'BRUSSEL'] as const;
export type Province = (typeof PROVINCES)[number];

/** Labour-market regions used by calls and networks (our own codes). */
export const REGIONS = [
  'ANTWERPEN',
  'KEMPEN',
  'MECHELEN',
  'LEUVEN',
  'HALLE_VILVOORDE',
  'BRUSSEL',
  'LIMBURG',
  'GENT',
  'WAAS_EN_DENDER',
  'AALST_OUDENAARDE',
  'BRUGGE_OOSTENDE',
  'ZUID_WEST_VLAANDEREN',
] as const;
export type Region = (typeof REGIONS)[number];

/** Sector authorities that recognise (erkennen) facilities. */
export const RECOGNITION_AUTHORITIES = ['JONGERENWELZIJN', 'VAPH', 'ZORG_EN_GEZONDHEID', 'WELZIJN', 'VDAB', 'OTHER'] as const;
export type RecognitionAuthority = (typeof RECOGNITION_AUTHORITIES)[number];

/** The roles of the system; in AWS these are Cognito groups. */
export const ROLES = ['department', 'facility', 'casemanager-zorg', 'casemanager-werk'] as const;
export type Role = (typeof ROLES)[number];
