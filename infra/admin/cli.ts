/** The process around infra/admin/commands.ts: `npm run admin -- <command> …`. */
import { runAdmin } from './commands';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.exitCode = await runAdmin(process.argv.slice(2), (line) => console.log(line));
