import type { HubExtension } from './extension';
import type { HubDeps } from './app';

/** Logs, health, readiness and metrics, from the environment. */
export interface ObservabilityConfig {
  placeholder?: never;
}

export function loadObservabilityConfig(_env: NodeJS.ProcessEnv): ObservabilityConfig {
  return {};
}

/** Structured request logs, /healthz, /readyz, /metrics. */
export function observabilityExtension(_deps: HubDeps): HubExtension {
  return {};
}
