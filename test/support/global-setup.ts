/**
 * Integration tier: the run's DynamoDB Local and S3 server (test/support/services.ts, shared with
 * the browser tier); each test file makes its own table (test/support/dynamo.ts), so files never
 * see each other's data.
 */
import type { TestProject } from 'vitest/node';
import { acquireLocalServices } from './services';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const services = await acquireLocalServices();
  project.provide('dynamoEndpoint', services.dynamoEndpoint);
  project.provide('s3Endpoint', services.s3Endpoint);
  return services.release;
}
