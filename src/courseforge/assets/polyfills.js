/* courseforge polyfills.js, loaded before Material's bundle. A browser without
   ResizeObserver gets the local polyfill here; otherwise Material would fetch one
   from a CDN. Modern browsers load nothing more. */
if (typeof ResizeObserver === "undefined" && document.currentScript) {
  document.write('<script src="' + document.currentScript.src.replace(/[^\/]*$/, "resize-observer.js") + '"><\/script>');
}
