/**
 * Stands in for `@smithy/core/event-streams` in function bundles (an esbuild alias in
 * infra/bundling.ts). The SDK's HTTP protocol (every client's) loads it for operations that stream
 * events, and the S3 client wires it up when it is built: DynamoDB and Secrets Manager have no such
 * operation, and of S3 we call GetObject and PutObject only (SelectObjectContent would stream). So
 * the codec, the marshallers and their CRC code (about 19 KB, loaded at every cold start) would
 * never run.
 *
 * What the clients call while they are built is kept as it is (resolveEventStreamSerdeConfig); a
 * marshaller or serde that would be used only by an event-stream operation throws instead. Any other
 * name a future SDK imports from the package fails the build (esbuild: no matching export), so the
 * stub cannot silently hand the SDK an `undefined`.
 */
const unsupported = (): never => {
  throw new Error('Event streams are not in the function bundles (infra/bundle-stubs/event-streams.ts): no operation we call streams events.');
};

/** What a client's runtime configuration asks for; used only by event-stream operations. */
export const eventStreamSerdeProvider = () => ({ serialize: unsupported, deserialize: unsupported });

/** The SDK's own config resolver, unchanged: it runs whenever a client is built. */
export const resolveEventStreamSerdeConfig = <T extends { eventStreamSerdeProvider: (input: T) => unknown }>(input: T) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });

/** Loaded by the protocol only for an event-stream operation. */
export class EventStreamSerde {
  constructor() {
    unsupported();
  }
}
