/**
 * What the AMA agreement document shows: every element the implementing order's annex asks for
 * (parties, activities, schedule, duration, insurance, guidance, conditions of ending) and the signature
 * lines. The PDF renderer (ama-agreement-pdf.ts) turns this into a Dutch PDF.
 */
export interface AgreementDocument {
  agreementId: string;
  status: 'DRAFT' | 'ACTIVE' | 'ENDED';
  /** The identity, decrypted for the document only (absent on agreements drawn up before it was recorded). */
  participant: { reference: string; birthDate: string; identity?: { name: string; nationalRegisterNumber: string } };
  begeleider: { enterpriseNumber: string; name: string };
  werkpost: {
    name: string;
    enterpriseNumber?: string;
    address: { street: string; postcode: string; municipality: string };
  };
  activities: string;
  weeklySchedule: ReadonlyArray<{ day: 'MA' | 'DI' | 'WO' | 'DO' | 'VR' | 'ZA' | 'ZO'; from: string; to: string }>;
  startDate: string;
  endDate?: string;
  plannedEndDate?: string;
  /** The decree and order the agreement falls under (by its start date): `amaLegalBasis`. */
  legalBasis: string;
  hoursPerWeek: number;
  werkpostbegeleider?: { name: string; phone?: string; email?: string };
  participantStatus?: { permission: 'VDAB_REFERRAL' | 'OCMW_PERMISSION' | 'MEDICAL_ADVISER_PERMISSION'; reference: string };
  evaluationDates: readonly string[];
  insurance: { insurer: string; policyReference: string };
  guidance: string;
  endingConditions: string;
  signatures: ReadonlyArray<{
    party: 'PARTICIPANT' | 'BEGELEIDER' | 'WERKPOST';
    signerName?: string;
    method?: 'SCANNED_PAPER' | 'ELECTRONIC';
    signedOn?: string;
    signedAt: string;
  }>;
  generatedAt: string;
}
