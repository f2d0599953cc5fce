import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Deps } from '../runtime/deps.ts';
import '../runtime/ses-client.ts';
import { withPortalLink } from './templates.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends one plain-text email through SES v2 (locally the SES emulator, found through
 * AWS_ENDPOINT_URL_SESV2). Emails carry ids and tracking numbers, never client data.
 */
export async function sendEmail(deps: Deps, email: Email): Promise<string | undefined> {
  const result = await deps.ses.send(
    new SendEmailCommand({
      FromEmailAddress: deps.mailFrom,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: withPortalLink(email.text, deps.portalUrl), Charset: 'UTF-8' } },
        },
      },
    }),
  );
  return result.MessageId;
}
