/**
 * Creates the configured table from the same definition as the CDK stack (./table.ts), unless it
 * exists: for DynamoDB Local and compatible clouds where no CloudFormation creates it.
 */
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { dynamo, tableName } from './client';
import { createTableInput, TABLE } from './table';

export async function ensureTable(): Promise<void> {
  const name = tableName();
  try {
    await dynamo().send(new DescribeTableCommand({ TableName: name }));
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
    await dynamo().send(new CreateTableCommand(createTableInput(name)));
    await dynamo().send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  }
}
