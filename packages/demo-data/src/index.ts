export {
  COMPANY,
  COMPANY_BANK_ACCOUNT,
  CUSTOMERS,
  DEMO_PASSWORD,
  MEMBERS,
  type MemberSpec,
  PRODUCTS,
  STRIPE_ACCOUNT,
  WHOLESALER_SALES,
} from './catalogue.js';
export {
  DEFAULT_GATEWAY_PASSWORD,
  type DemoCustomer,
  type DemoTryton,
  demoTemplate,
  GATEWAY_LOGIN,
  startDemoTryton,
} from './demo-tryton.js';
export { type LoadAccount, seedLoadCustomers } from './load-customers.js';
export { type SeedResult, seedDemo } from './seed.js';
export { stripeWebhookPath } from './stripe.js';
