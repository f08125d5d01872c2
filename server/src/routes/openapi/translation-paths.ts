import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZApiError,
  ZHumanTranslationInput,
  ZMachineTranslationRequest,
  ZReportTranslations,
  ZTranslationProviderInfo,
  ZVerifyTranslationInput,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParam = z.object({ id: z.string() });

/** Report translations with provenance, and the machine provider reviewers are told about. */
export function registerTranslationPaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = {
    401: error('Not signed in'),
    403: error('Outside your regions or themes'),
    404: error('No such report'),
  };
  registry.registerPath({
    method: 'get',
    path: '/api/admin/translation-provider',
    summary: 'The machine translation provider, and whether report text leaves the deployment (and to which host)',
    security: coordinator,
    responses: { 200: json(ZTranslationProviderInfo, 'The configured provider'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/reports/{id}/translations',
    summary: "A report's translations (machine or human, who, when, verified) beside its readable originals",
    security: coordinator,
    request: { params: idParam },
    responses: { 200: json(ZReportTranslations, 'Originals, languages and translations'), ...denied },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/admin/reports/{id}/translations',
    summary: "Save a reviewer's translation of one text (correcting a machine one makes it human); audited",
    security: coordinator,
    request: { params: idParam, ...body(ZHumanTranslationInput) },
    responses: { 200: json(ZReportTranslations, 'Saved'), 400: error('Invalid fields'), ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reports/{id}/translations/verify',
    summary: 'Mark a finished translation verified (or not); audited',
    security: coordinator,
    request: { params: idParam, ...body(ZVerifyTranslationInput) },
    responses: { 200: json(ZReportTranslations, 'Updated'), 400: error('Invalid fields'), ...denied },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/reports/{id}/translations/machine',
    summary: 'Queue machine translations into languages (worker jobs; human translations are kept); audited',
    security: coordinator,
    request: { params: idParam, ...body(ZMachineTranslationRequest) },
    responses: {
      202: json(ZReportTranslations, 'Queued'),
      400: error('Invalid fields'),
      409: error('No machine translation provider is configured'),
      503: error('The queue is unavailable'),
      ...denied,
    },
  });
}
