import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { ProblemDetailsFilter } from './common/filters/problem-details.filter';
import type { HttpRequest, HttpResponse, NextFunction } from './common/http/http-types';
import { createJsonLogger } from './common/logging/json-logger';
import { requestIdMiddleware } from './common/logging/request-id.middleware';
import { PaginationInterceptor } from './common/pagination';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { addEventSchemas } from './definitions/event-openapi';
import { DefinitionRegistry } from './engine/definition-registry';
import { loadConfig, type AppConfig } from './config/app-config';
import { serveConsole } from './web/console';

export const JSON_BODY_LIMIT = '1mb';

export interface CreateAppOptions {
  /** Defaults to structured JSON logs; tests pass levels (e.g. `['error']`) or `false`. */
  logger?: LoggerService | LogLevel[] | false;
}

/**
 * The application exactly as `main.ts` serves it, initialised (migrations applied, first
 * administrator created) but not listening: tests start this same pipeline.
 *
 * In order: request id + access log → security headers and `Cache-Control: no-store` → JSON body
 * (1 MB) → guards (JWT, roles) → validation pipe → handler → pagination interceptor; every error
 * through the problem+json filter. The client address (`req.ip`, which the login limits count) is
 * the socket's unless TRUST_PROXY names the proxies to believe.
 */
export async function createApp(
  config: AppConfig = loadConfig(),
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const logger = options.logger ?? createJsonLogger();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    // Our own JSON parser below, with its limit; urlencoded bodies are not part of the API.
    bodyParser: false,
    // Fail with an error (main prints it and exits 1) rather than aborting the process.
    abortOnError: false,
  });

  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware(new Logger('HTTP')));
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI (at /docs) styles itself inline and shows inline SVG/data images.
        // Not upgrade-insecure-requests: an intranet deployment on plain HTTP would lose the UI's assets.
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // Answers carry tokens, accounts and internal records, or errors about them: no browser or proxy
  // keeps a copy. Set on every answer (the public ones are small and change with each publication),
  // before the body parser, so that its errors carry it too.
  app.use(noStore);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new PaginationInterceptor());
  setUpOpenApi(app);
  serveConsole(app, config.webRoot);
  app.enableShutdownHooks();
  await app.init();
  return app;
}

function noStore(_req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The OpenAPI document of the running app: its routes, and the events of every registered procedure definition and version. */
export function openApiDocument(app: NestExpressApplication): ReturnType<typeof SwaggerModule.createDocument> {
  const document = new DocumentBuilder()
    .setTitle('Major administrative decision engine (重大行政决策程序)')
    .setDescription(
      'Procedure engine for major administrative decisions. Errors are RFC 9457 problem details ' +
        '(application/problem+json). Sign in with POST /auth/login, then send `Authorization: Bearer <token>`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  // The events route's body: one schema per event of every registered procedure definition and version.
  return addEventSchemas(SwaggerModule.createDocument(app, document), app.get(DefinitionRegistry).all());
}

/** Swagger UI at `/docs`, the OpenAPI document at `/docs-json`; built on first request, not at start. */
function setUpOpenApi(app: NestExpressApplication): void {
  let built: ReturnType<typeof SwaggerModule.createDocument> | undefined;
  SwaggerModule.setup('docs', app, () => (built ??= openApiDocument(app)), {
    jsonDocumentUrl: 'docs-json',
  });
}
