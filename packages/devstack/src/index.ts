export { type CaughtMail, type MailCatcher, startMailCatcher, textOfHtml } from './mail-catcher.js';
export { cacheDir, portalModuleDir, repoRoot } from './paths.js';
export { freePort, holdsListener } from './ports.js';
export { type TrytonRuntime, trytonRuntime, trytonSeries } from './runtime.js';
export {
  type PaymentIntent,
  type StripeStandIn,
  startStripeStandIn,
  stripeSignature,
} from './stripe-stand-in.js';
export {
  type DatabaseTemplate,
  databaseTemplate,
  OPTIONAL_PORTAL_MODULES,
  PORTAL_MODULES,
  portalModules,
  type RunningTryton,
  startTryton,
  stopProcess,
  type TrytonLog,
  type TrytonSettings,
  trytonRpcSuffix,
} from './tryton-server.js';
