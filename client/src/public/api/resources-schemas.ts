/*
 * The schemas of the theme page's and the calendar's answers, in a chunk of their own: the
 * other public pages' shared schemas chunk (../../common/api/schemas) stays as small as it was.
 */
export { ZConsultationList, ZThemePage } from '@convene/shared';
