import { Duration, Validations } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_KEY_PREFIX } from '../../shared/store/outbox.ts';
import { OUTBOX_STREAM_FILTER, OUTBOX_STREAM_SENDER } from '../../shared/email/outbox.ts';
import { backgroundFunction, type BackgroundFunctionProps, type RouteFunction } from './route-function.ts';

/**
 * The outbox's stream sender: the table's stream (keys only) invokes it for new outbox entries, filtered on
 * OUTBOX_STREAM_FILTER, in batches of OUTBOX_STREAM_SENDER.batchSize, reporting failed records (partial
 * batch response) and retrying them OUTBOX_STREAM_SENDER.retryAttempts times; what still fails goes to an
 * encrypted dead-letter queue (the record's position, no content) and stays pending for the outbox sweep.
 */
export class OutboxSender extends Construct {
  readonly function: RouteFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: BackgroundFunctionProps) {
    super(scope, id);
    this.function = backgroundFunction(
      this,
      'Function',
      {
        operationId: 'outbox-stream-sender',
        handler: OUTBOX_STREAM_SENDER.handler,
        table: 'write',
        sendsEmail: true,
        description: 'Outbox: delivers the emails written with a state change',
      },
      props,
    );
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the outbox stream sender; it has none of its own.',
    });
    this.function.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: OUTBOX_STREAM_SENDER.batchSize,
        retryAttempts: OUTBOX_STREAM_SENDER.retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          FilterCriteria.filter({
            // CDK types isEqual's result `any`; for a string it is `[item]`.
            eventName: FilterRule.isEqual(OUTBOX_STREAM_FILTER.eventName[0]) as string[],
            dynamodb: { Keys: { PK: { S: FilterRule.beginsWith(OUTBOX_KEY_PREFIX) } } },
          }),
        ],
      }),
    );
  }
}
