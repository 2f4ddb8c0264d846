import type { HubExtension } from './extension';
import type { HubDeps } from './app';

/** Trusted (persisted) documents, from the environment. */
export interface TrustedDocumentsConfig {
  placeholder?: never;
}

export function loadTrustedDocumentsConfig(_env: NodeJS.ProcessEnv): TrustedDocumentsConfig {
  return {};
}

/** Runs known documents by hash; roles configured so may run nothing else. */
export function trustedDocumentsExtension(_deps: HubDeps): HubExtension {
  return {};
}
