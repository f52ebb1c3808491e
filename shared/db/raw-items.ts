/**
 * Items exactly as DynamoDB stores them (attribute-value JSON: {"S": ...}, {"N": ...}, sets, binary),
 * for moving data between tables and endpoints without the document client's conversions, so an
 * item read here and written back is the same item to the byte (numbers stay strings, sets stay sets).
 */
import { ScanCommand, type AttributeValue, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { dynamo, tableName } from './client';

export type RawItem = Record<string, AttributeValue>;

/**
 * Every item of the table that passes `filter` (a Scan followed through all its pages). Only for
 * tools that read a whole school or table at once (export, import checks), never a request path.
 */
export async function scanRaw(filter?: Pick<ScanCommandInput, 'FilterExpression' | 'ExpressionAttributeValues' | 'ExpressionAttributeNames'>): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  do {
    const out = await dynamo().send(new ScanCommand({ TableName: tableName(), ...filter, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
