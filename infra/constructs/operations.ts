import { Aws, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { RouteFunction } from './route-function.ts';
import { METRIC, METRICS_NAMESPACE } from '../../shared/runtime/metrics.ts';

/** The outbox-age alarm: an email undelivered this long (three sweeps after the stream's retries). */
const OUTBOX_AGE_ALARM_SECONDS = 15 * 60;

/** CloudWatch alarms may reference at most 10 metrics in one math expression (a hard limit). */
const METRICS_PER_ALARM = 10;
const PERIOD = Duration.minutes(5);
/** The API's 5xx rate (per cent of requests in 5 minutes) above which it alarms, once 5 requests were made. */
export const API_5XX_PERCENT = 5;
const API_MIN_REQUESTS = 5;

export interface OperationsProps {
  /** Where every alarm is sent (an SNS email subscription, confirmed by its recipient). */
  operationsEmail: string;
  /** Encrypts the topic; CloudWatch is admitted to it for this stack's alarms only. */
  key: Key;
  functions: readonly RouteFunction[];
  deadLetterQueues: readonly IQueue[];
  stateMachines: readonly IStateMachine[];
  api: HttpApi;
  /** The `service` dimension of the functions' own metrics (POWERTOOLS_SERVICE_NAME). */
  serviceName: string;
}

/**
 * What operations watches: alarms on the dead-letter queues, failed selection runs, Lambda errors and
 * throttles (sums over all functions, at most 10 a math expression) and the API's 5xx rate, each sent to
 * one encrypted SNS topic with the operations email subscribed; and one dashboard with those metrics.
 * Alarm names start with the stack name, so the topic and key admit CloudWatch for these alarms only.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const alarmArns = `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:${stack.stackName}-*`;
    const fromTheseAlarms = { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID }, ArnLike: { 'aws:SourceArn': alarmArns } };

    this.topic = new Topic(this, 'Alarms', {
      displayName: 'Werk- en zorgtrajecten: operations alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(props.operationsEmail));
    // enforceSSL replaces the topic's default policy: admit CloudWatch, for this stack's alarms only.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromTheseAlarms,
      }),
    );
    // Publishing to a topic encrypted with the key needs the key: CloudWatch, for these alarms only.
    props.key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromTheseAlarms,
      }),
    );
    const action = new SnsAction(this.topic);

    const alarm = (name: string, description: string, metric: IMetric, threshold: number) => {
      const created = new Alarm(this, name, {
        alarmName: `${stack.stackName}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };
    /** One alarm per group of at most 10 metrics: their sum over 5 minutes reaches 1. */
    const sumAlarms = (name: string, description: string, metrics: readonly Metric[]): MathExpression[] => {
      const groups: Metric[][] = [];
      for (let i = 0; i < metrics.length; i += METRICS_PER_ALARM) groups.push(metrics.slice(i, i + METRICS_PER_ALARM));
      return groups.map((group, g) => {
        // Ids unique across the groups: one dashboard graph shows them all.
        const usingMetrics = Object.fromEntries(group.map((m, i) => [`${name.toLowerCase()}_${g}_${i}`, m]));
        const sum = new MathExpression({
          expression: Object.keys(usingMetrics).join(' + '),
          usingMetrics,
          period: PERIOD,
          label: groups.length > 1 ? `${name} (${g + 1} of ${groups.length})` : name,
        });
        alarm(groups.length > 1 ? `${name}${g + 1}` : name, description, sum, 1);
        return sum;
      });
    };

    const sum = { statistic: 'Sum', period: PERIOD } as const;
    const deadLetters = sumAlarms(
      'DeadLetters',
      'Messages in a dead-letter queue: a scheduled job (or a delivery) failed after its retries. Read the message, fix, redrive.',
      props.deadLetterQueues.map((q) => q.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: PERIOD })),
    );
    const selectionFailed = sumAlarms(
      'SelectionFailed',
      'A network-selection execution failed or timed out; the run record holds the error (GET /calls/{callId}/selection).',
      props.stateMachines.flatMap((sm) => [sm.metricFailed(sum), sm.metricTimedOut(sum)]),
    );
    const errors = sumAlarms(
      'LambdaErrors',
      'A Lambda function ended in an error (not a problem response): see its log group.',
      props.functions.map((f) => f.function.metricErrors(sum)),
    );
    const throttles = sumAlarms(
      'LambdaThrottles',
      'Lambda throttled invocations: the account or function concurrency is exhausted.',
      props.functions.map((f) => f.function.metricThrottles(sum)),
    );
    const requests = props.api.metricCount(sum);
    const serverErrors = props.api.metricServerError(sum);
    const rate = new MathExpression({
      expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: { requests, errors: serverErrors },
      period: PERIOD,
      label: 'API 5xx (% of requests)',
    });
    alarm(
      'Api5xxRate',
      `More than ${API_5XX_PERCENT} % of API requests answered 5xx in 5 minutes (503: a dependency did not answer; 500: a bug).`,
      rate,
      API_5XX_PERCENT,
    );

    // The outbox: the oldest entry the 5-minute sweep could not deliver (shared/runtime/metrics.ts).
    const ownMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: props.serviceName },
        statistic,
        period: PERIOD,
      });
    const outboxAge = ownMetric(METRIC.outboxOldestPendingSeconds, 'Maximum');
    alarm(
      'OutboxAge',
      `An email written with a decision has waited more than ${OUTBOX_AGE_ALARM_SECONDS / 60} minutes: SES refuses or does not answer (see the outbox-sweep log).`,
      outboxAge,
      OUTBOX_AGE_ALARM_SECONDS,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 8, height: 6 });
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }),
      graph('API requests and 5xx', [requests, serverErrors, props.api.metricClientError(sum)]),
      graph('API 5xx rate (%)', [rate]),
      graph('API latency (p95, ms)', [props.api.metricLatency({ statistic: 'p95', period: PERIOD })]),
      graph('Lambda errors', errors),
      graph('Lambda throttles', throttles),
      graph('Selection executions failed or timed out', selectionFailed),
      graph('Dead-letter queue depth', deadLetters),
      graph('Outbox: oldest undelivered (s)', [outboxAge]),
      graph('Outbox entries delivered and failed by the sweep', [
        ownMetric(METRIC.outboxEntriesDelivered, 'Sum'),
        ownMetric(METRIC.outboxEntriesFailed, 'Sum'),
      ]),
      graph('Notices sent and failed', [ownMetric(METRIC.noticesSent, 'Sum'), ownMetric(METRIC.noticesFailed, 'Sum')]),
      graph('Emails sent and failed', [ownMetric(METRIC.emailsSent, 'Sum'), ownMetric(METRIC.emailsFailed, 'Sum')]),
      graph('Applications submitted', [ownMetric(METRIC.applicationsSubmitted, 'Sum')]),
    );
  }
}
