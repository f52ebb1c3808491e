#!/bin/sh
# `npm test`: every check, as two streams side by side on the two cores.
#   1. the web build, then the browser tier, which serves it. Its files run one after another in one
#      worker (they share one seeded stack and one Chromium), so inside a single vitest run it could
#      only start after the other tiers and would leave a core idle. It is the longer stream, so it
#      carries nothing else;
#   2. the server's typecheck; once the build has written web/.svelte-kit, the web's typecheck
#      (svelte-check, which reads it); then the unit, integration and CDK tiers (two workers).
# Each vitest process starts its own DynamoDB Local and S3 server (test/support/services.ts). The
# exit status fails if any step failed. (Two browser processes, one per half of the files, were
# tried: on two cores they only fight over them, 10 s slower in all.)
npm run -s build:web &
build=$!
npm run -s typecheck:server
server=$?
wait "$build"
built=$?
browser=1
if [ "$built" -eq 0 ]; then
  npx vitest run --project e2e &
  browserPid=$!
fi
npx svelte-check --workspace web --threshold warning --output machine
web=$?
npx vitest run --project unit --project integration --project infra
rest=$?
if [ "$built" -eq 0 ]; then
  wait "$browserPid"
  browser=$?
fi
[ "$server" -eq 0 ] && [ "$web" -eq 0 ] && [ "$rest" -eq 0 ] && [ "$built" -eq 0 ] && [ "$browser" -eq 0 ]
