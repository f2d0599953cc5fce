import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, contentHash } from '../../shared/domain/canonical-json.ts';
import { callRuleViolations, deadlineExtensionViolations, isCallOpen, type CallRules } from '../../shared/domain/call-rules.ts';
import { inBrusselsTime, isBeforeDeadline } from '../../shared/domain/deadline.ts';
import { newTrackingNumber, signReceipt, verifyReceipt } from '../../shared/domain/receipt.ts';
import { nextStatus } from '../../shared/domain/application-status.ts';
import { reviewScoreViolations } from '../../shared/domain/review-rules.ts';

describe('canonical JSON and the content hash', () => {
  it('sorts keys at every depth and drops white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('property: the same content gives the same hash whatever the key order', () => {
    const value = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('tree'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 6 }), tie('tree'), { maxKeys: 5 }),
    })).tree;
    const shuffle = (v: unknown, seed: number): unknown => {
      if (Array.isArray(v)) return v.map((x, i) => shuffle(x, seed + i));
      if (v && typeof v === 'object') {
        const entries = Object.entries(v as Record<string, unknown>);
        const rotated = entries
          .slice(seed % Math.max(entries.length, 1))
          .concat(entries.slice(0, seed % Math.max(entries.length, 1)))
          .reverse();
        return Object.fromEntries(rotated.map(([k, x]) => [k, shuffle(x, seed + 1)]));
      }
      return v;
    };
    fc.assert(
      fc.property(value, fc.nat(10), (v, seed) => {
        expect(contentHash(shuffle(v, seed))).toBe(contentHash(v));
      }),
    );
  });

  it('different content gives a different hash', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });
});

describe('the deadline', () => {
  const deadline = '2026-12-01T11:00:00.000Z';
  it('one millisecond before is in time; the deadline itself is not', () => {
    expect(isBeforeDeadline(new Date('2026-12-01T10:59:59.999Z'), deadline)).toBe(true);
    expect(isBeforeDeadline(new Date(deadline), deadline)).toBe(false);
  });

  it('is shown in Brussels time with the offset of that date (winter and summer)', () => {
    expect(inBrusselsTime(deadline)).toBe('2026-12-01T12:00:00+01:00');
    expect(inBrusselsTime('2026-06-30T22:00:00.000Z')).toBe('2026-07-01T00:00:00+02:00');
  });

  it('an extension must be later and come before the current deadline passes', () => {
    expect(deadlineExtensionViolations(deadline, '2026-12-02T11:00:00.000Z', new Date('2026-11-01T00:00:00Z'))).toEqual([]);
    expect(deadlineExtensionViolations(deadline, deadline, new Date('2026-11-01T00:00:00Z')).map((v) => v.path)).toEqual([
      'submissionDeadline',
    ]);
    expect(deadlineExtensionViolations(deadline, '2026-12-02T11:00:00.000Z', new Date(deadline))).toHaveLength(1);
  });
});

describe('call rules', () => {
  const call: CallRules = {
    regions: ['GENT'],
    submissionDeadline: '2026-12-01T11:00:00.000Z',
    maxNetworksPerRegion: 1,
    criteria: [{ id: 'a', title: 'A', weight: 1, maxScore: 10 }],
    requiredPartnerRecognitions: ['VAPH'],
  };
  it('a well-formed call has no violations; publishing needs a future deadline', () => {
    expect(callRuleViolations(call)).toEqual([]);
    expect(callRuleViolations(call, { now: new Date('2026-11-30T00:00:00Z') })).toEqual([]);
    expect(callRuleViolations(call, { now: new Date('2026-12-01T11:00:00Z') })).toEqual([
      { path: 'submissionDeadline', message: 'The submission deadline must lie in the future.' },
    ]);
  });
  it('names each broken rule by path', () => {
    const broken: CallRules = {
      ...call,
      regions: ['GENT', 'GENT'],
      criteria: [
        { id: 'a', title: 'A', weight: 0, maxScore: 5, minScore: 6 },
        { id: 'a', title: 'B', weight: 1, maxScore: 5 },
      ],
    };
    expect(callRuleViolations(broken).map((v) => v.path)).toEqual([
      'criteria[0].weight',
      'criteria[0].minScore',
      'criteria[1].id',
      'regions[1]',
    ]);
  });
});

describe('receipts', () => {
  const key = Buffer.alloc(32, 7);
  const fields = {
    applicationId: 'a',
    trackingNumber: 'WZ-2026-AAAA-BBBB',
    submittedAt: '2026-11-30T10:00:00.000Z',
    contentHash: 'ab',
  };
  it('verify with the key that signed; any changed field or another key fails', () => {
    const receipt = signReceipt(fields, key);
    expect(receipt.signature).toMatch(/^hmac-sha256:[A-Za-z0-9_-]{43}$/);
    expect(verifyReceipt(receipt, key)).toBe(true);
    for (const field of Object.keys(fields) as Array<keyof typeof fields>) {
      expect(verifyReceipt({ ...receipt, [field]: `${receipt[field]}x` }, key)).toBe(false);
    }
    expect(verifyReceipt(receipt, Buffer.alloc(32, 8))).toBe(false);
    expect(verifyReceipt({ ...receipt, signature: 'short' }, key)).toBe(false);
  });
  it('tracking numbers are human-readable Crockford base32', () => {
    expect(newTrackingNumber(2026, Buffer.from([0, 1, 2, 3, 31, 30, 29, 28]))).toBe('WZ-2026-0123-ZYXW');
  });
});

describe('application status', () => {
  it('allows only the lead transitions', () => {
    expect(nextStatus('DRAFT', 'submit')).toBe('SUBMITTED');
    expect(nextStatus('SUBMITTED', 'submit')).toBeUndefined();
    expect(nextStatus('SUBMITTED', 'reopen')).toBe('DRAFT');
    expect(nextStatus('WITHDRAWN', 'reopen')).toBe('DRAFT');
    expect(nextStatus('DRAFT', 'reopen')).toBeUndefined();
    expect(nextStatus('SUBMITTED', 'withdraw')).toBe('WITHDRAWN');
    expect(nextStatus('SELECTED', 'withdraw')).toBeUndefined();
  });
});

describe('review scores', () => {
  it('every criterion, within 0..maxScore, nothing else', () => {
    const criteria = [
      { id: 'a', title: 'A', weight: 1, maxScore: 10 },
      { id: 'b', title: 'B', weight: 1, maxScore: 5 },
    ];
    expect(reviewScoreViolations(criteria, { a: 0, b: 5 })).toEqual([]);
    expect(reviewScoreViolations(criteria, { a: 11, c: 1 }).map((v) => v.path)).toEqual(['scores.a', 'scores.b', 'scores.c']);
  });
});

describe('rule call-open', () => {
  const call = { status: 'PUBLISHED' as const, submissionDeadline: '2026-12-01T12:00:00+01:00' };

  it('is open while published, up to the millisecond before the deadline', () => {
    expect(isCallOpen(call, new Date('2026-12-01T10:59:59.999Z'))).toBe(true);
    expect(isCallOpen(call, new Date('2026-12-01T11:00:00.000Z'))).toBe(false);
  });

  it('is closed in every other status, whatever the time', () => {
    const early = new Date('2026-11-01T00:00:00Z');
    for (const status of ['DRAFT', 'SELECTING', 'DECIDED', 'SELECTION_FAILED'] as const) {
      expect(isCallOpen({ ...call, status }, early), status).toBe(false);
    }
  });
});
