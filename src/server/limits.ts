import type { HubExtension } from './extension';
import type { HubDeps } from './app';

/** Abuse limits of the GraphQL endpoint, from the environment. */
export interface LimitsConfig {
  placeholder?: never;
}

export function loadLimitsConfig(_env: NodeJS.ProcessEnv): LimitsConfig {
  return {};
}

/** Depth, cost, aliases, directives, operations per request, body size, timeouts, rate limits. */
export function limitsExtension(_deps: HubDeps): HubExtension {
  return {};
}
