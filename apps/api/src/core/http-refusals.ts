import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * Refusals that name what is wrong where Fastify's defaults would not: a method GraphQL does not
 * take at its path answers 405 with `Allow` (not 404, as if the path did not exist), and a body
 * of a media type no parser takes answers 415 naming the one to send. Added before Nest's routes.
 */
export function refuseWhatGraphQLDoesNotTake(app: FastifyInstance, path: string): void {
  app.route({
    method: ['PUT', 'DELETE', 'PATCH'],
    url: path,
    handler: async (request, reply) => {
      await reply.code(405).header('Allow', 'GET, POST').send({ statusCode: 405, message: `${request.method} is not a GraphQL method: send GET or POST to ${path}` });
    },
  });
  app.addContentTypeParser('*', (request, _payload, done) => {
    // Answered by Nest's handler, as every HTTP error is: { statusCode, message, error }.
    done(new UnsupportedMediaTypeException(`Unsupported Media Type ${String(request.headers['content-type'])}: send requests as application/json`), undefined);
  });
}
