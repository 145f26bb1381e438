'use strict';
/**
 * Stands in for @stdlib/assert-has-generator-support in the add-in bundle (addin/build.ts): the
 * original probes with eval, which the service's Content-Security-Policy forbids (a violation
 * report on every load). Every WebView Office runs add-ins in (Edge WebView2, Safari WKWebView)
 * has ES2015 generators, and the bundle targets ES2020, so the answer is known.
 */
module.exports = function hasGeneratorSupport() {
  return true;
};
