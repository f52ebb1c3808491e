/**
 * Signed-in test clients on the server's test clock (functions/http/clock.ts). Sessions are issued
 * on that clock, so standing it on another moment renews every client's session at its next use.
 */
import { setClock } from '../../functions/http/clock';
import { ApiClient } from './api';

export function clockedClients(apiUrl: () => string) {
  let epoch = 0;
  const clients = new Map<string, { client: ApiClient; epoch: number }>();
  return {
    /** Stands the server on a moment. */
    standAt(when: Date): void {
      setClock(() => when);
      epoch++;
    },
    /** A client signed in as `login` on the current clock. */
    async as(login: string): Promise<ApiClient> {
      const known = clients.get(login);
      if (known && known.epoch === epoch) return known.client;
      const client = new ApiClient(apiUrl());
      const res = await client.signIn(login);
      if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status} ${JSON.stringify(res.body)}`);
      clients.set(login, { client, epoch });
      return client;
    },
  };
}
