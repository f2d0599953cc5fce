/**
 * Request and response examples of the API reference (OpenAPI 3.1 `examples` of a media type), taken from the
 * demo data (infra/local/demo-data.ts) and shaped by the same functions the handlers answer with
 * (`facilityView`, `callView`, `applicationView`, `checkEligibility`, `issueReceipt`), at a fixed instant and
 * with fixed ids, so the document is the same at every build. A test parses each example with its route's
 * zod schema.
 */
import { createHmac } from 'node:crypto';
import { checkEligibility, type RegisteredFacility } from '../../shared/domain/eligibility.ts';
import { issueReceipt } from '../../shared/domain/receipt.ts';
import { facilityView, newFacilityRecord, type FacilityRecord } from '../../shared/store/facilities.ts';
import { callView, newCallRecord } from '../../shared/store/calls.ts';
import { applicationView, newApplicationRecord, submittedContent } from '../../shared/store/applications.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { problems } from '../../shared/http/problem.ts';
import { problemTypePage } from '../../shared/http/problem-types.ts';
import {
  DEMO_BEGELEIDER_REQUEST,
  DEMO_COOPERATION,
  DEMO_FACILITIES,
  DEMO_PARTICIPANT,
  DEMO_WERKPOSTEN,
  demoAgreementTerms,
  demoApplicationInput,
  demoCallInput,
} from '../local/demo-data.ts';

/** A named OpenAPI Example Object. */
export interface Example {
  summary: string;
  value: unknown;
}

export interface OperationExamples {
  request?: Record<string, Example>;
  /** By status: the examples of its JSON (or problem+json) body. */
  responses: Record<string, Record<string, Example>>;
}

/** The instant the examples were "made" at: the demo data loaded at this moment. */
const NOW = new Date('2026-11-25T09:30:00.000Z');
const audit = { actor: 'demo-data', now: NOW };
const CALL_ID = '0b9c6a52-3c1e-4a7d-9f6b-1d2e3f405162';
const APPLICATION_ID = '7f3e2d1c-5b4a-4c69-8e7d-6a5b4c3d2e1f';
const TRACKING_NUMBER = 'WZT-2026-000042';
const WERKPOST_ID = '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e';
const EXAMPLE_KEY = createHmac('sha256', 'examples').update('receipt-signing-key').digest();

const [debrug, anker, , caw] = DEMO_FACILITIES;

function demoFacility(facility: (typeof DEMO_FACILITIES)[number], recognitionIds: string[]): FacilityRecord {
  const record = newFacilityRecord(facility, audit);
  facility.recognitions.forEach((recognition, index) => {
    const recognitionId = recognitionIds[index]!;
    record.recognitions[recognitionId] = {
      recognitionId,
      ...recognition,
      createdAt: NOW.toISOString(),
      createdBy: audit.actor,
    };
  });
  record.version = 1 + facility.recognitions.length;
  return record;
}

const deBrugRecord = demoFacility(debrug!, ['c6f1a2b3-4d5e-4f60-8a71-b2c3d4e5f607']);

function demoCall() {
  const call = newCallRecord(demoCallInput(NOW), audit);
  call.callId = CALL_ID;
  call.status = 'PUBLISHED';
  call.history.push(historyEntry(audit, 'published', { from: 'DRAFT', to: 'PUBLISHED' }));
  call.version = 2;
  return call;
}

/** CAW Limburg's draft for LIMBURG, with Het Anker as partner (it has not confirmed yet). */
function demoApplication() {
  const application = newApplicationRecord(
    CALL_ID,
    caw!.enterpriseNumber,
    demoApplicationInput('LIMBURG', [anker!.enterpriseNumber]),
    audit,
  );
  application.applicationId = APPLICATION_ID;
  application.trackingNumber = TRACKING_NUMBER;
  return application;
}

function demoEligibility() {
  const call = demoCall();
  const application = demoApplication();
  const registry = new Map<string, RegisteredFacility>(
    DEMO_FACILITIES.map((facility) => [
      facility.enterpriseNumber,
      {
        name: facility.name,
        recognitions: facility.recognitions.map((recognition, index) => ({
          recognitionId: `${facility.enterpriseNumber}-${index}`,
          ...recognition,
        })),
      },
    ]),
  );
  return checkEligibility({ call, application, registry, otherApplicationsLedInRegion: [] });
}

function demoReceipt() {
  const application = demoApplication();
  return issueReceipt(application, submittedContent(application), NOW, EXAMPLE_KEY);
}

const problem = (summary: string, value: unknown): Record<string, Example> => ({ problem: { summary, value } });

/** The examples of an operation, by operationId; none for most. */
export function mediaExamples(operationId: string): OperationExamples {
  switch (operationId) {
    case 'createFacility': {
      const { recognitions: _, ...body } = debrug!;
      return {
        request: { deBrug: { summary: 'Jeugdhulp De Brug vzw, a demo facility', value: body } },
        responses: {
          201: { deBrug: { summary: 'Registered', value: facilityView(newFacilityRecord(debrug!, audit)) } },
          409: problem('Already registered', {
            ...problems
              .conflict(
                'facility-exists',
                `A facility with enterprise number ${debrug!.enterpriseNumber} is already registered.`,
                [{ path: 'enterpriseNumber', message: 'Already registered.' }],
              )
              .toBody(),
          }),
          422: problem('A bad check digit, an unknown province and an unknown property (README walk-through)', {
            ...problems
              .validation([
                {
                  path: 'enterpriseNumber',
                  message: 'The check digits are wrong: the last two digits must be 97 minus the first eight digits modulo 97.',
                },
                { path: 'province', message: 'Invalid option: expected one of the provinces.' },
                { path: 'vat', message: 'Unrecognized key: "vat"' },
              ])
              .toBody(),
          }),
        },
      };
    }
    case 'getFacility':
      return {
        responses: { 200: { deBrug: { summary: 'A demo facility with its recognition', value: facilityView(deBrugRecord) } } },
      };
    case 'updateFacility':
      return {
        request: { email: { summary: 'A new contact address', value: { email: 'secretariaat@debrug.example' } } },
        responses: { 412: problem('The ETag was stale', problems.preconditionFailed().toBody()) },
      };
    case 'addRecognition':
      return {
        request: { jongerenwelzijn: { summary: "De Brug's recognition by Jongerenwelzijn", value: debrug!.recognitions[0] } },
        responses: {},
      };
    case 'createCall':
      return { request: { demoCall: { summary: 'The demo call for four regions', value: demoCallInput(NOW) } }, responses: {} };
    case 'getCall':
      return { responses: { 200: { demoCall: { summary: 'The demo call, published', value: callView(demoCall()) } } } };
    case 'createApplication':
    case 'updateApplication':
      return {
        request: {
          limburg: {
            summary: "CAW Limburg's application for LIMBURG, with Het Anker",
            value: demoApplicationInput('LIMBURG', [anker!.enterpriseNumber]),
          },
        },
        responses: {},
      };
    case 'getApplication':
      return { responses: { 200: { limburg: { summary: "CAW Limburg's draft", value: applicationView(demoApplication()) } } } };
    case 'getEligibility':
      return {
        responses: { 200: { limburg: { summary: 'Not eligible yet: the partner has not confirmed', value: demoEligibility() } } },
      };
    case 'submitApplication': {
      const report = demoEligibility();
      const failed = report.rules.filter((rule) => !rule.passed);
      return {
        responses: {
          201: { receipt: { summary: 'The signed receipt (signed here with an example key)', value: demoReceipt() } },
          422: problem('Not eligible: the report names what to fix', {
            type: '/problems/not-eligible',
            title: 'Not eligible',
            status: 422,
            detail: 'The application does not meet every eligibility rule; see report.',
            errors: failed.map((rule) => ({ path: rule.rule, rule: rule.rule, message: rule.explanation })),
            rule: failed[0]?.rule,
            report,
          }),
        },
      };
    }
    case 'verifyReceipt':
      return {
        request: { receipt: { summary: 'A receipt as it was given out', value: demoReceipt() } },
        responses: { 200: { valid: { summary: 'Ours, and on record', value: { valid: true, matchesRecord: true } } } },
      };
    case 'answerAsPartner':
      return { request: { confirm: { summary: 'Het Anker confirms its part', value: { answer: 'CONFIRMED' } } }, responses: {} };
    case 'registerCooperation':
      return {
        request: { antwerpen: { summary: 'The demo samenwerkingsverband Zorg of ANTWERPEN', value: DEMO_COOPERATION } },
        responses: {},
      };
    case 'requestMandate':
      return {
        request: {
          begeleiderAma: { summary: 'CAW Limburg asks to be recognised as begeleider AMA', value: DEMO_BEGELEIDER_REQUEST },
        },
        responses: {},
      };
    case 'createWerkpost':
      return {
        request: { kringwinkel: { summary: "One of CAW Limburg's werkposten", value: DEMO_WERKPOSTEN[0] } },
        responses: {},
      };
    case 'createAgreement':
      return {
        request: {
          demo: {
            summary: 'The demo agreement at Kringwinkel Hasselt (a made-up participant)',
            value: { participant: DEMO_PARTICIPANT, ...demoAgreementTerms(WERKPOST_ID, '2026-12-09') },
          },
        },
        responses: {},
      };
    case 'getProblemType':
      return {
        responses: {
          200: {
            staleEtag: {
              summary: 'The page of /problems/stale-etag',
              value: problemTypePage('stale-etag'),
            },
          },
        },
      };
    default:
      return { responses: {} };
  }
}

/** The operations that have examples (for the test that parses each with its schema). */
export const OPERATIONS_WITH_EXAMPLES = [
  'createFacility',
  'getFacility',
  'updateFacility',
  'addRecognition',
  'createCall',
  'getCall',
  'createApplication',
  'updateApplication',
  'getApplication',
  'getEligibility',
  'submitApplication',
  'verifyReceipt',
  'answerAsPartner',
  'registerCooperation',
  'requestMandate',
  'createWerkpost',
  'createAgreement',
  'getProblemType',
] as const;
