#!/bin/sh
# What `npm test` does before vitest: the server typecheck on one core, and on the other the web's
# typecheck then its build (both use web/.svelte-kit, so they stay one after the other). Nothing of
# either waits for the other, so side by side they take the time of the longer one.
npm run -s typecheck:server &
server=$!
npm run -s typecheck:web && npm run -s build:web
web=$?
wait "$server"
server=$?
[ "$web" -eq 0 ] && [ "$server" -eq 0 ]
