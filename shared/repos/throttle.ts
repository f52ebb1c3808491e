/**
 * Failed sign-in counters, one item per account or address per window, removed by TTL.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { THROTTLE_WINDOW_SECONDS, windowStart, type ThrottleKind } from '../auth/throttle';
import { dynamo, tableName } from '../db/client';
import { keys } from '../db/keys';
import { batchGet } from '../db/query';

export type ThrottleIds = Record<ThrottleKind, string>;

export async function readFailures(ids: ThrottleIds, now: Date): Promise<Record<ThrottleKind, number>> {
  const w = windowStart(now);
  const acc = keys.throttle('ACC', ids.ACC, w);
  const ip = keys.throttle('IP', ids.IP, w);
  const items = await batchGet([acc, ip]);
  const count = (pk: string) => Number(items.find((i) => i.pk === pk)?.failures ?? 0);
  return { ACC: count(acc.pk), IP: count(ip.pk) };
}

export async function recordFailure(ids: ThrottleIds, now: Date): Promise<void> {
  const w = windowStart(now);
  const expiresAt = Math.floor(new Date(w).getTime() / 1000) + 2 * THROTTLE_WINDOW_SECONDS;
  await Promise.all(
    (['ACC', 'IP'] as const).map((kind) =>
      dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.throttle(kind, ids[kind], w),
          UpdateExpression: 'ADD failures :one SET expiresAt = :exp',
          ExpressionAttributeValues: { ':one': 1, ':exp': expiresAt },
        }),
      ),
    ),
  );
}
