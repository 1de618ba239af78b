// The portal's corrections to Django's admin scripts, loaded after them on every admin page.
"use strict";
// SelectFilter2 (the two lists of a many-to-many field, e.g. a local police area's
// municipalities) names its filter box's magnifying glass with aria-label on a span without a
// role, which assistive technology may ignore (axe: aria-prohibited-attr). As an image, the
// span keeps its name and gives it to the label it sits in. The lists are built on the window's
// load, before this listener runs.
window.addEventListener("load", function () {
  document.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(function (icon) {
    icon.setAttribute("role", "img");
  });
});
