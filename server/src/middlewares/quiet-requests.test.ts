import { describe, expect, it } from '@jest/globals';
import { isQuietRequest } from './quiet-requests.js';

describe('isQuietRequest', () => {
  it('leaves static files and health probes out of the request log', () => {
    for (const url of [
      '/assets/index-CHxq3bYt.js',
      '/assets/admin-workspace-D1x2.css',
      '/assets/fonts/noto-sans-arabic.woff2',
      '/favicon.ico',
      '/sw.js',
      '/registerSW.js',
      '/workbox-5ffe50d4.js',
      '/manifest.webmanifest',
      '/icons/icon-192.png?v=2',
      '/healthz',
      '/readyz',
    ]) {
      expect([url, isQuietRequest(url)]).toEqual([url, true]);
    }
  });

  it('logs every API request, file-like ones included, and page navigations', () => {
    for (const url of [
      '/api/auth/login',
      '/api/webinars/orientation/registrations',
      '/api/admin/compilations/live/labour/export.csv',
      '/api/openapi.json',
      '/api',
      '/admin',
      '/admin/overview',
      '/webinars/orientation?lang=ar',
      '/manage/abc123',
      '/unsubscribe/abc123',
      '/',
    ]) {
      expect([url, isQuietRequest(url)]).toEqual([url, false]);
    }
  });
});
