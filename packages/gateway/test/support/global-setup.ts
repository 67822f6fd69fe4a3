import { demoTemplate } from '@portal/demo-data';

/**
 * Builds (or finds cached) the demo database every integration file copies, once, before any
 * file starts and outside every hook's timeout. Built by the first file's `beforeAll`
 * instead, it took longer than the 300 s hook on a busy machine (about 10 min at load 10),
 * and that file failed though nothing was wrong with it. A cached template costs a hash of
 * the module's sources.
 */
export default async function setup(): Promise<void> {
  await demoTemplate();
}
