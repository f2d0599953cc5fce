import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { defineHandler } from '../../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../../shared/http/etag.ts';
import { problems } from '../../../shared/http/problem.ts';
import { amaRoutes } from '../../../shared/routes/ama.ts';
import { werkpostKey, werkpostView, type WerkpostRecord } from '../../../shared/store/ama.ts';
import { loadWerkpost } from '../access.ts';

export const handler = defineHandler(amaRoutes.updateWerkpost, async ({ params, body, ifMatch, principal, deps }) => {
  const current = await loadWerkpost(deps, principal, params.werkpostId);
  const expected = versionFromIfMatch(ifMatch);
  if (expected !== current.version) throw problems.preconditionFailed();
  if (body.places !== undefined && body.places < current.takenPlaces) {
    throw problems.validation([
      { path: 'places', message: `${current.takenPlaces} places are taken by agreements; places cannot go below that.` },
    ]);
  }
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = {
    ':expected': expected,
    ':one': 1,
    ':now': deps.clock().toISOString(),
    ':actor': principal.userId,
  };
  const sets = ['#version = #version + :one', 'updatedAt = :now', 'updatedBy = :actor'];
  for (const [field, value] of Object.entries(body)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  try {
    const result = await deps.ddb.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: werkpostKey(current.werkpostId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        // Places never drop under what agreements hold, also when one was taken in between.
        ConditionExpression:
          body.places !== undefined ? '#version = :expected AND takenPlaces <= :places' : '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    const updated = result.Attributes as WerkpostRecord;
    return { status: 200, body: werkpostView(updated), etag: etagOf(updated.version) };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw problems.preconditionFailed();
    throw error;
  }
});
