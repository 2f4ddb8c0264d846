import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { ValidationRule } from 'graphql';
import type { Context } from './context';

/**
 * A cross-cutting part of the hub's HTTP/GraphQL pipeline (limits, trusted documents,
 * observability). createHub assembles them in a fixed order; each lives in its own module.
 */
export interface HubExtension {
  /** GraphQL validation rules (depth, cost, aliases, …). */
  validationRules?: ValidationRule[];
  plugins?: ApolloServerPlugin<Context>[];
  /** Express handlers on /graphql before the body is parsed. */
  beforeBody?: express.RequestHandler[];
  /** Express handlers on /graphql after the body is parsed (req.body is the GraphQL request). */
  afterBody?: express.RequestHandler[];
  /** Routes of their own (e.g. /metrics). */
  routes?: (app: express.Express) => void;
  close?: () => Promise<void>;
}
