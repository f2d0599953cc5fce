import { Duration, Stack, TimeZone, Validations, type CfnElement } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleSpec } from '../../shared/schedules.ts';
import { backgroundFunction, type BackgroundFunctionProps, type RouteFunction } from './route-function.ts';

export interface ScheduledJobsProps extends BackgroundFunctionProps {
  schedules: readonly ScheduleSpec[];
}

/**
 * One EventBridge Scheduler schedule per entry of shared/schedules.ts (the same cron and time zone the
 * local scheduler uses), invoking its job function with retries; what still fails lands in an encrypted
 * dead-letter queue.
 */
export class ScheduledJobs extends Construct {
  readonly jobs = new Map<string, { function: RouteFunction; schedule: Schedule; deadLetterQueue: Queue }>();

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    for (const spec of props.schedules) {
      const name = spec.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      const fn = backgroundFunction(
        this,
        `${name}Function`,
        {
          operationId: spec.id,
          handler: spec.handler,
          table: spec.table,
          sendsEmail: spec.sendsEmail,
          description: `Scheduled job ${spec.id}`,
        },
        props,
      );
      const deadLetterQueue = new Queue(this, `${name}DeadLetters`, {
        encryption: QueueEncryption.KMS,
        encryptionMasterKey: props.key,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(deadLetterQueue).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the dead-letter queue of the schedule; it has none of its own.',
      });
      const schedule = new Schedule(this, `${name}Schedule`, {
        description: spec.description,
        schedule: ScheduleExpression.cron({
          minute: spec.cron.minute,
          hour: spec.cron.hour,
          ...(spec.cron.day && spec.cron.day !== '*' ? { day: spec.cron.day } : {}),
          ...(spec.cron.month && spec.cron.month !== '*' ? { month: spec.cron.month } : {}),
          ...(spec.cron.weekDay && spec.cron.weekDay !== '?' ? { weekDay: spec.cron.weekDay } : {}),
          timeZone: TimeZone.of(spec.timeZone),
        }),
        target: new LambdaInvoke(fn.function, {
          deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
        }),
      });
      // The scheduler's role may invoke this function and its versions (<ARN>:*), nothing else.
      const stack = Stack.of(this);
      const functionId = stack.resolve(stack.getLogicalId(fn.function.node.defaultChild as CfnElement)) as string;
      Validations.of(stack).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason: `EventBridge Scheduler's role invokes the ${spec.id} job function and its versions (<function ARN>:*), nothing else.`,
      });
      this.jobs.set(spec.id, { function: fn, schedule, deadLetterQueue });
    }
  }
}
