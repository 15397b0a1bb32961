/* Opens the language tab named in the address (#tab_id_title_en), as linked from the
   translation status board, once modeltranslation has built its tabs. */
"use strict";
window.addEventListener("load", function () {
  var hash = window.location.hash;
  if (!/^#tab_id_[A-Za-z0-9_]+$/.test(hash)) {
    return;
  }
  var link = document.querySelector('a[href="' + hash + '"]');
  if (!link) {
    return;
  }
  link.click();
  var field = document.getElementById(hash.slice("#tab_".length));
  (field || link).scrollIntoView({ block: "center" });
  if (field && typeof field.focus === "function") {
    field.focus();
  }
});
