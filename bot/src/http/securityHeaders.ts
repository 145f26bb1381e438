import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * Office hosts that frame the add-in's task pane (Excel on the web, desktop and Mac WebViews load
 * it from these origins). X-Frame-Options cannot name them, so it is off and CSP
 * `frame-ancestors` decides (CSP Level 2 §7.7; browsers ignore X-Frame-Options when
 * frame-ancestors is present).
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.officeapps.live.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

/** office.js and the locale and host scripts it loads come from Microsoft's CDN (addin/build.ts OFFICE_JS_CDN). */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * The Content-Security-Policy of every answer. The task pane (addin/src/taskpane/taskpane.html)
 * has no inline script or handler and no inline style, so scripts and styles come from this
 * origin (and office.js's); it calls the API on this origin; images are its own files or data:
 * URLs; it plays no plug-ins and posts no forms elsewhere.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", OFFICE_JS_ORIGIN],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", OFFICE_JS_ORIGIN],
  frameSrc: ["'self'", OFFICE_JS_ORIGIN],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: OFFICE_FRAME_ANCESTORS,
};

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Framing is decided by frame-ancestors (above).
    frameguard: false,
    // Office's dialogs (Office.context.ui.displayDialogAsync) talk to the pane through window.opener.
    crossOriginOpenerPolicy: false,
    // Office (on the web: another origin) shows the manifest's icons from this service as plain
    // images; same-origin would block them. The API needs a bearer token, which such embedding cannot send.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}
