import { z } from 'zod';
import { ZLocalizedText, ZSlug } from './common.js';

export const ZThemeKind = z.enum(['orientation', 'consultation']);

export const ZTheme = z.object({
  slug: ZSlug,
  kind: ZThemeKind,
  position: z.number().int(),
  name: ZLocalizedText,
  description: ZLocalizedText,
});
export type TTheme = z.infer<typeof ZTheme>;

export const ZThemeList = z.object({ themes: z.array(ZTheme) });
export type TThemeList = z.infer<typeof ZThemeList>;
