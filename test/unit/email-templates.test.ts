import { describe, expect, it } from 'vitest';
import * as templates from '../../shared/email/templates.ts';
import { withPortalLink, type EmailContent } from '../../shared/email/templates.ts';
import { evaluateApplication } from '../../shared/domain/selection.ts';
import { ruleById } from '../../shared/domain/rules/registry.ts';

/**
 * Every email the system sends, rendered with realistic input: Dutch for people, no API routes, no English
 * reason texts, and a next step in words. A template added without an entry here fails the first test.
 */
const below = evaluateApplication([{ id: 'aanpak', title: 'Aanpak', weight: 100, maxScore: 10, minScore: 4 }], {
  applicationId: 'a1',
  region: 'GENT',
  submittedAt: '2026-11-20T10:00:00.000Z',
  eligible: true,
  failedRules: [],
  reviews: [{ scores: { aanpak: 3.5 } }],
});
const ineligible = evaluateApplication([], {
  applicationId: 'a2',
  region: 'GENT',
  submittedAt: '2026-11-20T10:00:00.000Z',
  eligible: false,
  failedRules: ['The lead holds no valid recognition.'],
  failedRuleIds: ['lead-registered'],
  reviews: [],
});
const id = '5a3c0b9e-6d1f-4c2a-9b7e-000000000001';
const receipt = {
  trackingNumber: 'WZ-2026-4N4K-HN2T',
  applicationId: id,
  submittedAt: '2026-11-20T10:00:00.000Z',
  contentHash: 'ab'.repeat(32),
  signature: 'cd'.repeat(32),
};

const rendered: Record<string, EmailContent[]> = {
  deadlineExtendedEmail: [
    templates.deadlineExtendedEmail({
      callTitle: 'Netwerken werk en zorg 2027',
      enterpriseNumber: '0123456749',
      newDeadline: '2027-01-15T12:00:00+01:00',
      previousDeadline: '2026-12-15T12:00:00+01:00',
      reason: 'Meer tijd voor de partners.',
      drafts: ['WZ-2026-4N4K-HN2T'],
    }),
    ...[{ submitted: ['WZ-2026-4N4K-HN2T'] }, {}].map((own) =>
      templates.deadlineExtendedEmail({
        callTitle: 'Netwerken werk en zorg 2027',
        enterpriseNumber: '0123456749',
        newDeadline: '2027-01-15T12:00:00+01:00',
        previousDeadline: '2026-12-15T12:00:00+01:00',
        reason: 'Meer tijd voor de partners.',
        ...own,
      }),
    ),
  ],
  callPublishedEmail: [
    templates.callPublishedEmail({
      callTitle: 'Netwerken 2027',
      regions: ['GENT', 'LEUVEN'],
      deadline: '2027-01-15T12:00:00+01:00',
    }),
  ],
  networkWithdrawnEmail: [
    templates.networkWithdrawnEmail({
      region: 'GENT',
      withdrawnOn: '2027-03-01',
      reason: 'Het netwerk voldoet niet meer aan de oproep.',
      activeTrajectories: 4,
    }),
  ],
  callDeadlinePassedEmail: [
    templates.callDeadlinePassedEmail({
      callTitle: 'Netwerken 2027',
      deadline: '2027-01-15T12:00:00+01:00',
      submitted: 12,
      regions: ['GENT'],
    }),
  ],
  callDeadlineReminderEmail: [{ drafts: ['WZ-1'] }, {}].map((own) =>
    templates.callDeadlineReminderEmail({ callTitle: 'Netwerken 2027', deadline: '2027-01-15T12:00:00+01:00', ...own }),
  ),
  submissionConfirmedEmail: [templates.submissionConfirmedEmail({ callTitle: 'Netwerken 2027', receipt, region: 'GENT' })],
  selectionOutcomeEmail: (['SELECTED', 'NOT_SELECTED', 'INELIGIBLE'] as const).map((outcome) =>
    templates.selectionOutcomeEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-2026-4N4K-HN2T',
      region: 'GENT',
      outcome,
      score: 72.5,
      rank: outcome === 'INELIGIBLE' ? null : 2,
      reasons: outcome === 'INELIGIBLE' ? ineligible.reasonsNl : below.reasonsNl,
      objectionDeadline: '2027-03-01',
    }),
  ),
  selectionFailedEmail: [true, false].map((committed) =>
    templates.selectionFailedEmail({ callTitle: 'Netwerken 2027', executionName: 'run-1', committed }),
  ),
  partnerNamedEmail: [
    templates.partnerNamedEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-1',
      leadName: 'Vzw De Brug',
      region: 'GENT',
      role: 'zorgpartner',
      deadline: '2027-03-01T11:00:00.000Z',
    }),
  ],
  partnerAnsweredEmail: (['CONFIRMED', 'DECLINED'] as const).map((answer) =>
    templates.partnerAnsweredEmail({ trackingNumber: 'WZ-1', partnerName: 'Vzw De Brug', answer, comment: 'Zie ons overleg.' }),
  ),
  partnerOutcomeEmail: (['SELECTED', 'NOT_SELECTED', 'INELIGIBLE'] as const).map((outcome) =>
    templates.partnerOutcomeEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-1',
      leadName: 'Vzw De Brug',
      region: 'GENT',
      outcome,
    }),
  ),
  outcomeRedecidedEmail: [
    templates.outcomeRedecidedEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-1',
      region: 'LIMBURG',
      from: 'INELIGIBLE',
      to: 'SELECTED',
      motivation: 'De erkenning van de aanvrager was op de indiendatum geldig.',
    }),
    templates.outcomeRedecidedEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-2',
      region: 'LIMBURG',
      from: 'SELECTED',
      to: 'NOT_SELECTED',
      motivation: 'De erkenning van een andere aanvrager was op de indiendatum geldig.',
      networkEndsOn: '2027-03-01',
    }),
  ],
  objectionDecidedEmail: (['UPHELD', 'REJECTED'] as const).map((decision) =>
    templates.objectionDecidedEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-1',
      decision,
      motivation: 'De scores zijn correct.',
    }),
  ),
  objectionLodgedEmail: [
    templates.objectionLodgedEmail({
      callTitle: 'Netwerken 2027',
      trackingNumber: 'WZ-1',
      region: 'GENT',
      lodgedAt: '2027-02-01T09:00:00.000Z',
    }),
  ],
  mandateDecidedEmail: [
    templates.mandateDecidedEmail({
      kind: 'BEGELEIDER_AMA',
      enterpriseNumber: '0123456749',
      granted: true,
      validFrom: '2027-01-01',
      validUntil: '2031-12-31',
    }),
    templates.mandateDecidedEmail({
      kind: 'CASEMANAGER_ZORG',
      enterpriseNumber: '0123456749',
      granted: false,
      reason: 'Geen ICF-opgeleide medewerkers.',
    }),
  ],
  extensionDecidedEmail: [true, false].map((granted) =>
    templates.extensionDecidedEmail({ trajectoryId: id, granted, plannedEndDate: '2027-09-30', motivation: 'Goed gemotiveerd.' }),
  ),
  trajectoryAssignedEmail: [
    templates.trajectoryAssignedEmail({ trajectoryId: id, startDate: '2027-01-04', werkingsgebied: 'ANTWERPEN' }),
  ],
  trajectoryReassignedEmail: [
    ...[true, false].map((stillInvolved) =>
      templates.trajectoryReassignedEmail({ trajectoryId: id, casemanagerZorg: 'cmz-1', casemanagerWerk: 'cmw-1', stillInvolved }),
    ),
    templates.trajectoryReassignedEmail({
      trajectoryId: id,
      casemanagerZorg: 'cmz-1',
      casemanagerWerk: 'cmw-1',
      stillInvolved: true,
      movedToNetwork: { leadName: 'Vzw De Brug', region: 'GENT' },
    }),
  ],
  mandateWithdrawnEmail: [
    templates.mandateWithdrawnEmail({
      kind: 'BEGELEIDER_AMA',
      enterpriseNumber: '0123456749',
      withdrawnOn: '2027-02-01',
      reason: 'De verzekering is verlopen.',
      running: 3,
    }),
    templates.mandateWithdrawnEmail({
      kind: 'CASEMANAGER_ZORG',
      enterpriseNumber: '0123456749',
      withdrawnOn: '2027-02-01',
      reason: 'De voorwaarden zijn niet meer vervuld.',
      running: 0,
    }),
  ],
  cooperationWithdrawnEmail: [
    templates.cooperationWithdrawnEmail({
      name: 'Samenwerkingsverband Zorg Gent',
      werkingsgebied: 'GENT',
      withdrawnOn: '2027-02-01',
      reason: 'Het samenwerkingsverband telt geen drie leden meer.',
      running: 12,
    }),
  ],
  amaSubmittedEmail: [templates.amaSubmittedEmail({ agreementId: id, begeleiderName: 'CAW Limburg', startDate: '2027-01-04' })],
  amaSubmissionDecidedEmail: [
    templates.amaSubmissionDecidedEmail({ agreementId: id, accepted: true }),
    templates.amaSubmissionDecidedEmail({ agreementId: id, accepted: false, reason: 'De getekende kopie ontbreekt.' }),
  ],
  mandateRequestedEmail: [
    templates.mandateRequestedEmail({
      requestId: id,
      kind: 'BEGELEIDER_AMA',
      facilityName: 'Het Anker',
      enterpriseNumber: '0411905847',
    }),
  ],
  extensionRequestedEmail: [
    templates.extensionRequestedEmail({
      requestId: id,
      trajectoryId: id,
      currentMaxEndDate: '2027-07-14',
      plannedEndDate: '2027-09-30',
    }),
  ],
  trajectoryNoticeEmail: (['D60', 'D30', 'D7', 'OVERDUE'] as const).map((milestone) =>
    templates.trajectoryNoticeEmail({ trajectoryId: id, networkId: id, plannedEndDate: '2027-06-30', milestone }),
  ),
  failedNoticesEmail: [templates.failedNoticesEmail({ date: '2027-05-01', failures: [{ trajectoryId: id, milestone: 'D60' }] })],
  evaluationNoticeEmail: [
    templates.evaluationNoticeEmail({ agreementId: id, evaluationDate: '2027-04-01', werkpostName: 'Kringwinkel Hasselt' }),
  ],
};

/** A route of this API, or an HTTP method before a path: never in an email. */
const ROUTE =
  /\b(GET|POST|PUT|PATCH|DELETE)\s+\/|\/(calls|applications|trajectories|mandate-requests|extension-requests|ama-agreements|facilities|cooperations|networks|department)\/|\{[a-zA-Z]+Id\}/;
/** English words of reasons and instructions that crept into Dutch emails before. */
const ENGLISH =
  /\b(Scored|under its minimum|not selectable|the lead|must|please|should|refused|granted|The |is not|has no|holds no)\b/;

describe('every email template', () => {
  it('is covered here (a new template needs its sample)', () => {
    const exported = Object.entries(templates)
      .filter(([name, value]) => typeof value === 'function' && name.endsWith('Email'))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(rendered).sort()).toEqual(exported);
  });

  for (const [name, emails] of Object.entries(rendered)) {
    it(`${name}: Dutch, for people: a greeting, no API route, no English reason, the department's signature`, () => {
      for (const email of emails) {
        expect(email.subject.length).toBeGreaterThan(5);
        expect(email.text).toMatch(/^Beste\b/);
        expect(email.text).toContain('Met vriendelijke groeten');
        expect(`${email.subject}\n${email.text}`).not.toMatch(ROUTE);
        expect(`${email.subject}\n${email.text}`).not.toMatch(ENGLISH);
      }
    });
  }

  it('gives a selection’s reasons as Dutch sentences from the rule or the score', () => {
    const [, notSelected, ineligibleMail] = rendered.selectionOutcomeEmail!;
    expect(notSelected!.text).toContain('Score 3,5 op "Aanpak", onder het minimum van 4: niet selecteerbaar.');
    expect(ineligibleMail!.text).toContain(
      `Niet ontvankelijk: niet voldaan aan de regel "${ruleById('lead-registered')!.title.nl}".`,
    );
  });
});

describe('the link to the department’s portal', () => {
  const email = templates.mandateRequestedEmail({
    requestId: id,
    kind: 'BEGELEIDER_AMA',
    facilityName: 'Het Anker',
    enterpriseNumber: '0411905847',
  });

  it('is added before the signature when a portal address is configured', () => {
    const linked = withPortalLink(email.text, 'https://werkenzorg.departementwvg.be');
    expect(linked).toContain('https://werkenzorg.departementwvg.be');
    expect(linked.indexOf('https://werkenzorg.departementwvg.be')).toBeLessThan(linked.indexOf('Met vriendelijke groeten'));
  });

  it('is left out when none is configured', () => {
    expect(withPortalLink(email.text, undefined)).toBe(email.text);
  });
});
