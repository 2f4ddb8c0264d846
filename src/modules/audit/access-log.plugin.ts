import type { ApolloServerPlugin } from '@apollo/server';
import { isDatabaseUnavailable, ServiceUnavailableError } from '../../common/errors';
import type { Context } from '../../server/context';
import { clientError } from '../../server/errors';
import type { Logger } from '../../server/log';
import type { AccessLogWriter } from './access-log.service';

/**
 * The access log of a request is written (with those of concurrent requests) before its answer
 * leaves. If it cannot be written the answer does not leave: with the database unreachable the
 * client gets SERVICE_UNAVAILABLE (503, Retry-After) instead of the data, as for any outage;
 * any other failure is an internal error.
 */
export function accessLogPlugin(log: Logger, writer: AccessLogWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await writer.write(contextValue.access.rows(contextValue.viewer, contextValue.requestId, contextValue.clientRequestId));
          } catch (e) {
            log.error('access log could not be written', { requestId: contextValue.requestId, error: e instanceof Error ? e.stack : String(e) });
            if (!isDatabaseUnavailable(e)) throw e;
            response.body = { kind: 'single', singleResult: { errors: [clientError(new ServiceUnavailableError())] } };
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}
