export { type CaughtMail, type MailCatcher, startMailCatcher, textOfHtml } from './mail-catcher.js';
export { cacheDir, portalModuleDir, repoRoot } from './paths.js';
export { freePort } from './ports.js';
export { type TrytonRuntime, trytonRuntime, trytonSeries } from './runtime.js';
export {
  type DatabaseTemplate,
  databaseTemplate,
  PORTAL_MODULES,
  type RunningTryton,
  startTryton,
  stopProcess,
  type TrytonLog,
  type TrytonSettings,
  trytonRpcSuffix,
} from './tryton-server.js';
