import { METRIC } from '../../shared/runtime/metrics.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, DEFAULT_OPERATIONS_EMAIL, STACK_ID } from '../../infra/stack.ts';
import { logicalIdOf, synthesize, SYNTH_TIMEOUT_MS, templateOf, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface MetricQuery {
  Id: string;
  Expression?: string;
  ReturnData?: boolean;
  MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: unknown }[] } };
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

let synthesized: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize();
  if (synthesized.synthError) throw synthesized.synthError;
  resources = templateOf(synthesized).toJSON().Resources as Record<string, Resource>;
}, SYNTH_TIMEOUT_MS);

afterAll(() => synthesized?.cleanup());

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const topicId = () => ofType('AWS::SNS::Topic')[0]![0];
const keyId = () => logicalIdOf(synthesized.stack.key);
const keyStatements = () => (resources[keyId()]!.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
/** Resolves the template's Fn::Join of literals and pseudo parameters to a readable string. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(text).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref) return `<${ref}>`;
  return JSON.stringify(value);
};

function alarms(): { id: string; name: string; queries: MetricQuery[]; properties: Record<string, unknown> }[] {
  return ofType('AWS::CloudWatch::Alarm').map(([id, alarm]) => ({
    id,
    name: text(alarm.Properties.AlarmName),
    queries: (alarm.Properties.Metrics as MetricQuery[] | undefined) ?? [],
    properties: alarm.Properties,
  }));
}

/** The metrics (namespace, name, dimension value) an alarm watches. */
function watched(alarm: { queries: MetricQuery[] }): { namespace: string; name: string; dimension: unknown }[] {
  return alarm.queries
    .filter((q) => q.MetricStat)
    .map((q) => ({
      namespace: q.MetricStat!.Metric.Namespace,
      name: q.MetricStat!.Metric.MetricName,
      dimension: q.MetricStat!.Metric.Dimensions[0]!.Value,
    }));
}

const alarmsOn = (namespace: string, metricName: string) =>
  alarms().filter((a) => watched(a).some((m) => m.namespace === namespace && m.name === metricName));

describe('alarms', () => {
  it('every alarm is named after the stack and sends to the one operations topic', () => {
    expect(alarms().length).toBeGreaterThanOrEqual(5);
    for (const alarm of alarms()) {
      expect(alarm.name, alarm.id).toMatch(new RegExp(`^${STACK_ID}-`));
      expect(alarm.properties.AlarmActions, alarm.id).toEqual([{ Ref: topicId() }]);
      expect(alarm.properties.TreatMissingData, alarm.id).toBe('notBreaching');
      // A math alarm may reference at most 10 metrics (a hard CloudWatch limit).
      expect(watched(alarm).length, alarm.id).toBeLessThanOrEqual(10);
    }
  });

  it('every dead-letter queue has a depth alarm (any message)', () => {
    const queues = ofType('AWS::SQS::Queue').map(([id]) => id);
    expect(queues.length).toBeGreaterThan(0);
    const covered = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible').flatMap((a) =>
      watched(a).map((m) => (m.dimension as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]),
    );
    expect(covered.sort()).toEqual(queues.sort());
    for (const alarm of alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible')) {
      expect(alarm.properties.Threshold).toBe(1);
      expect(alarm.properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
    }
  });

  it('a failed or timed-out selection execution alarms', () => {
    const [smId] = ofType('AWS::StepFunctions::StateMachine')[0]!;
    const [alarm] = alarmsOn('AWS/States', 'ExecutionsFailed');
    expect(alarm).toBeDefined();
    expect(watched(alarm!).map((m) => [m.name, m.dimension])).toEqual([
      ['ExecutionsFailed', { Ref: smId }],
      ['ExecutionsTimedOut', { Ref: smId }],
    ]);
    expect(alarm!.properties.Threshold).toBe(1);
  });

  it('an outbox email undelivered for 15 minutes alarms (the sweep reports the oldest it could not deliver)', () => {
    const outbox = alarms().filter((a) => a.properties.MetricName === 'OutboxOldestPendingSeconds');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.properties).toMatchObject({
      Namespace: 'WerkEnZorg',
      Dimensions: [{ Name: 'service', Value: 'werk-en-zorg' }],
      Statistic: 'Maximum',
      Threshold: 900,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('errors and throttles of every Lambda function alarm, each function in exactly one alarm of each', () => {
    const functions = ofType('AWS::Lambda::Function').map(([id]) => id);
    for (const metricName of ['Errors', 'Throttles']) {
      const covered = alarmsOn('AWS/Lambda', metricName).flatMap((a) =>
        watched(a)
          .filter((m) => m.name === metricName)
          .map((m) => (m.dimension as { Ref: string }).Ref),
      );
      expect(covered.sort(), metricName).toEqual(functions.sort());
      for (const alarm of alarmsOn('AWS/Lambda', metricName)) expect(alarm.properties.Threshold).toBe(1);
    }
  });

  it('the API 5xx rate alarms over 5 % of requests', () => {
    const apiId = logicalIdOf(synthesized.stack.api);
    const [alarm] = alarmsOn('AWS/ApiGateway', '5xx');
    expect(alarm).toBeDefined();
    expect(
      watched(alarm!)
        .map((m) => [m.name, m.dimension])
        .sort(),
    ).toEqual(
      [
        ['5xx', { Ref: apiId }],
        ['Count', { Ref: apiId }],
      ].sort(),
    );
    const expression = alarm!.queries.find((q) => q.ReturnData !== false && q.Expression)!.Expression!;
    expect(expression).toMatch(/100 \* errors \/ requests/);
    expect(alarm!.properties.Threshold).toBe(5);
  });
});

describe('the operations topic', () => {
  it('is encrypted with the key, refuses plain HTTP, and admits CloudWatch for this stack’s alarms only', () => {
    const [, topic] = ofType('AWS::SNS::Topic')[0]!;
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
    expect(ofType('AWS::SNS::TopicPolicy')).toHaveLength(1);
    const [, policy] = ofType('AWS::SNS::TopicPolicy')[0]!;
    const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'))).toBe(true);
    const publish = statements.filter((s) => s.Effect === 'Allow' && actionsOf(s).includes('sns:Publish'));
    expect(publish).toHaveLength(1);
    expect(publish[0]!.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
    expect(text(publish[0]!.Condition!.ArnLike!['aws:SourceArn'])).toMatch(new RegExp(`:alarm:${STACK_ID}-\\*$`));
  });

  it('emails the operations address: the default, or the `operationsEmail` context value', () => {
    const [, subscription] = ofType('AWS::SNS::Subscription')[0]!;
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: DEFAULT_OPERATIONS_EMAIL });
    const { stack } = buildApp({
      context: { operationsEmail: 'ops@example.org', 'aws:cdk:bundling-stacks': [] },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });
});

describe('the dashboard', () => {
  it('is one dashboard with the alarms and the metrics they watch', () => {
    expect(ofType('AWS::CloudWatch::Dashboard')).toHaveLength(1);
    const [, dashboard] = ofType('AWS::CloudWatch::Dashboard')[0]!;
    const body = text(dashboard.Properties.DashboardBody);
    for (const metric of [
      '"AWS/Lambda","Errors"',
      '"AWS/Lambda","Throttles"',
      '"AWS/SQS","ApproximateNumberOfMessagesVisible"',
    ]) {
      expect(body).toContain(metric);
    }
    for (const metric of ['"AWS/States","ExecutionsFailed"', '"AWS/ApiGateway","5xx"', '"alarm"']) expect(body).toContain(metric);
    // The business figures of shared/runtime/metrics.ts, each on the dashboard.
    for (const name of Object.values(METRIC)) expect(body, name).toContain(`"WerkEnZorg","${name}"`);
    for (const alarm of alarms()) expect(body, alarm.id).toContain(alarm.id);
  });
});

describe('the KMS key policy', () => {
  it("lets CloudWatch Logs use the key for this stack's log groups only, and every log group is named so", () => {
    const logs = keyStatements().filter((s) => JSON.stringify(s.Principal).includes('logs.'));
    expect(logs).toHaveLength(1);
    const pattern = text(logs[0]!.Condition!.ArnLike!['kms:EncryptionContext:aws:logs:arn']);
    expect(pattern).toBe(`arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/werk-en-zorg/${STACK_ID}/*`);
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const [id, group] of groups) {
      expect(text(group.Properties.LogGroupName), id).toMatch(new RegExp(`^/werk-en-zorg/${STACK_ID}/[A-Za-z0-9/]+$`));
    }
  });

  it('refuses every grant that is not for an AWS resource, whoever asks', () => {
    const deny = keyStatements().filter((s) => s.Effect === 'Deny' && actionsOf(s).includes('kms:CreateGrant'));
    expect(deny).toHaveLength(1);
    expect(deny[0]!.Principal).toEqual({ AWS: '*' });
    expect(deny[0]!.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'false' } });
  });

  it('admits CloudWatch (for the encrypted alarm topic) for alarms of this stack only', () => {
    const cloudwatch = keyStatements().filter((s) => JSON.stringify(s.Principal).includes('cloudwatch.amazonaws.com'));
    expect(cloudwatch).toHaveLength(1);
    expect(actionsOf(cloudwatch[0]!).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);
    expect(text(cloudwatch[0]!.Condition!.ArnLike!['aws:SourceArn'])).toMatch(new RegExp(`:alarm:${STACK_ID}-\\*$`));
    expect(cloudwatch[0]!.Condition!.StringEquals).toEqual({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } });
  });
});
