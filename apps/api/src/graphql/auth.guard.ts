import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '#shared';
import { requestContextOf } from '#shared/graphql';

/** Every GraphQL operation needs a verified token (PRODUCT §5); HTTP routes are left alone. */
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const { actor, authError } = requestContextOf(context);
    if (actor) return true;
    throw authError ?? new DomainError('UNAUTHENTICATED', 'Authentication is required: send Authorization: Bearer <token>');
  }
}
