import type { RequestHandler } from 'express';

/**
 * Browser features the report pages never use, denied to them and to anything they could
 * embed: a reporter's camera, microphone or position must not be reachable from a page that
 * holds their report, even by an injected script. A fixed list (README, reporter section), of
 * names Chromium parses only: it logs an unknown one as an error on every load.
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** The headers of every report page and every /api/reports answer. */
export const REPORTER_HEADERS: Readonly<Record<string, string>> = {
  // Nothing of a report, nor the page that holds its form, kept in any cache (browser, proxy,
  // back-forward cache): a shared or seized device shows nothing after the tab is gone.
  'Cache-Control': 'no-store',
  // A link followed from a report page tells the next site nothing, not even this origin.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
};

/** Whether a page path is one of the reporter's (/report and below, e.g. /report/status). */
export const isReporterPage = (pathname: string): boolean => pathname === '/report' || pathname.startsWith('/report/');

/**
 * Sets the reporter headers before anything answers, so that errors (400, 413, 429, 404) carry
 * them as well as successes.
 */
export const reporterProtection: RequestHandler = (_req, res, next) => {
  res.set(REPORTER_HEADERS);
  next();
};
