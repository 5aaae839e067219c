import { Catch, Inject, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType, type GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '#shared';
import { APP_LOGGER, type AppLogger } from '#shared/application';
import type { RequestContext } from '#shared/graphql';
import { clientCode } from './error-mapping.js';

/**
 * Where an error thrown by a resolver is logged. A client's error (BAD_USER_INPUT, FORBIDDEN,
 * CONFLICT, …) is not the server's fault: one line at info with its code and the request's
 * correlation id. Anything else is logged at error by the error formatter, once, with its
 * detail. Nest's own handler would log every one of them at error. HTTP routes keep Nest's
 * handling.
 */
@Catch()
export class GraphQLErrorsFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  constructor(@Inject(APP_LOGGER) private readonly logger: AppLogger) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof DomainError) {
      const gql = GqlArgumentsHost.create(host);
      const context = gql.getContext<RequestContext | undefined>();
      this.logger.info(
        {
          code: clientCode(exception.code),
          ...(exception.details.field === undefined ? {} : { field: exception.details.field }),
          correlationId: context?.correlationId,
          actor: context?.actor?.id,
          resolver: gql.getInfo<{ fieldName?: string } | undefined>()?.fieldName,
        },
        `Refused: ${exception.message.slice(0, 300)}`,
      );
    }
    return exception;
  }
}
