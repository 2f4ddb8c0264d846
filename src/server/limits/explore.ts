import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Viewer } from '../../auth/viewer';
import type { AgencyKind } from '../../modules/agency/agency.entity';
import type { Role } from '../../modules/person/membership.entity';
import type { Context } from '../context';
import { LimitError } from './errors';

/** Who may explore the schema in production: acting in one of `roles` for an agency of one of `agencyKinds`. */
export interface ExploreConfig {
  roles: Role[];
  agencyKinds: AgencyKind[];
}

export function mayExplore(viewer: Viewer, config: ExploreConfig): boolean {
  const m = viewer.membership;
  return !!m && config.roles.includes(m.role) && config.agencyKinds.includes(m.agencyKind);
}

/** Whether the selection asks for `__schema` or `__type` (only valid at the root), through fragments. */
export function selectsIntrospection(set: SelectionSetNode, doc: DocumentNode, seen = new Set<string>()): boolean {
  return set.selections.some((sel) => {
    if (sel.kind === Kind.FIELD) return sel.name.value === '__schema' || sel.name.value === '__type';
    if (sel.kind === Kind.INLINE_FRAGMENT) return selectsIntrospection(sel.selectionSet, doc, seen);
    if (seen.has(sel.name.value)) return false;
    seen.add(sel.name.value);
    const def = doc.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
    return !!def && selectsIntrospection(def.selectionSet, doc, seen);
  });
}

/** graphql's suggestions ("Did you mean …?") end the message. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * Production: introspection only for those allowed to explore, and no field, argument or enum
 * suggestions for anyone else (they would reveal the schema piece by piece).
 */
export function explorePlugin(config: ExploreConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (mayExplore(contextValue.viewer, config)) return;
      return {
        async didResolveOperation({ operation, document }) {
          if (operation && selectsIntrospection(operation.selectionSet, document)) {
            throw new LimitError('INTROSPECTION_DISABLED', 'introspection is turned off on this hub except for the roles allowed to explore the schema', 403);
          }
        },
        async didEncounterErrors({ errors }) {
          for (const e of errors) e.message = e.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
