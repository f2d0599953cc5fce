import { Tracer } from '@aws-lambda-powertools/tracer';
import { registerClientDecorator } from './deps.ts';

/**
 * X-Ray subsegments for every AWS SDK call (Powertools Tracer), for the background functions: workflow
 * tasks, scheduled jobs and the outbox sender import this module, so their clients are captured when
 * built. The API functions do not: the tracer and the X-Ray SDK would add to every cold start a user
 * waits for (their invocations are still traced by Lambda's active tracing). Outside Lambda the tracer is
 * off and clients pass through unchanged.
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'werk-en-zorg' });

registerClientDecorator((client) => tracer.captureAWSv3Client(client));
