import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ZAdminTheme,
  ZAdminThemeList,
  ZApiError,
  ZCreateTheme,
  ZThemeKeywords,
  ZThemeOrder,
  ZUpdateTheme,
} from '@convene/shared';
import { z } from 'zod';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZApiError, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The theme taxonomy: the form's keyword lists and the admins' editor. */
export function registerThemePaths(registry: OpenAPIRegistry, coordinator: Record<string, string[]>[]): void {
  const denied = { 401: error('Not signed in'), 403: error('Admins only') };
  registry.registerPath({
    method: 'get',
    path: '/api/themes/keywords',
    summary: 'Suggestion keywords of the themes the input form offers, per language (revalidated on each use)',
    responses: { 200: json(ZThemeKeywords, 'Keyword lists by theme slug') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/themes',
    summary: 'The whole taxonomy, inactive themes included (any coordinator)',
    security: coordinator,
    responses: { 200: json(ZAdminThemeList, 'Themes in display order'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/themes',
    summary: 'Create a theme (admins); names and descriptions are required in English',
    security: coordinator,
    request: body(ZCreateTheme),
    responses: {
      201: json(z.object({ theme: ZAdminTheme }), 'Created, placed last'),
      400: error('Invalid fields'),
      409: error('The slug is taken'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/themes/order',
    summary: 'Set the display order (admins): every theme slug exactly once',
    security: coordinator,
    request: body(ZThemeOrder),
    responses: {
      200: json(ZAdminThemeList, 'Themes in the new order'),
      400: error('Invalid fields'),
      409: error('The list does not name every theme once'),
      ...denied,
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/themes/{slug}',
    summary: 'Edit a theme (admins). Stored reports and webinars keep their themes and sub-topics',
    security: coordinator,
    request: { params: z.object({ slug: z.string() }), ...body(ZUpdateTheme) },
    responses: {
      200: json(z.object({ theme: ZAdminTheme }), 'The theme as saved'),
      400: error('Invalid fields'),
      404: error('Unknown theme'),
      ...denied,
    },
  });
}
