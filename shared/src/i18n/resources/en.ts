/**
 * Texts of the theme pages and the consultation calendar (public), and of the consultation
 * feeds. Apart from the page catalog so that the pages every visitor loads stay within their
 * budget: the browser fetches them with those two pages only (./load.ts).
 */
export const enResources = {
  feedName: 'Consultation calendar',
  online: 'Online',
  themeNotFound: 'This theme does not exist or is not public.',
  upcomingTitle: 'Upcoming webinars',
  upcomingEmpty: 'No webinar on this theme is scheduled for now.',
  completedTitle: 'Past webinars and their recordings',
  recording: 'Watch the recording',
  noRecording: 'No recording is available for this webinar.',
  briefsTitle: 'Published briefs',
  briefsIntro: 'Briefs compile the on-the-ground reports of every region on this theme, as sent to the consultation.',
  briefsEmpty: 'No brief on this theme has been published yet.',
  briefName: 'Brief {{number}}',
  briefFacts: '{{count}} reports · compiled on {{date}}',
  downloadMarkdown: 'Markdown (.md)',
  downloadWord: 'Word (.docx)',
  downloadLabel: 'Download brief {{number}} as {{format}}',
  consultationsTitle: 'Consultation calendar',
  consultationsIntro:
    'The thematic, regional and national consultations and multistakeholder hearings the coalition prepares its members for.',
  themeConsultationsTitle: 'Upcoming consultations on this theme',
  consultationsEmpty: 'No upcoming consultation matches these filters.',
  filtersLabel: 'Filter the calendar',
  filterTheme: 'Theme',
  filterRegion: 'Region',
  allThemes: 'All themes',
  allRegions: 'All regions',
  kind: {
    thematic: 'Thematic consultation',
    regional: 'Regional consultation',
    national: 'National consultation',
    hearing: 'Multistakeholder hearing',
  },
  starts: 'Starts',
  ends: 'Ends',
  yourZone: 'Times in your time zone: {{zone}}',
  hostTime: 'At the host: {{time}}',
  place: 'Place',
  link: 'Consultation website',
  cancelled: 'Cancelled',
  subscribeTitle: 'Add it to your calendar',
  subscribe: 'Subscribe to this calendar (iCalendar)',
  subscribeHint:
    'Copy this link into your calendar app (“subscribe” or “add by URL”): changes and cancellations then reach your calendar by themselves.',
  printPage: 'Print this page',
} as const;

/** The shape every resources catalog must have: the English keys, any strings. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ResourcesCatalog = Widen<typeof enResources>;
