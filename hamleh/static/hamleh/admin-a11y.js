/* Accessible names for what third-party admin widgets leave unnamed:
   - django-modeltranslation's language switch (a <select> without a label);
   - django-prose-editor's editing area (a contenteditable role="textbox" not tied to the label). */
(function () {
  "use strict";

  function labelFor(id) {
    return id ? document.querySelector('label[for="' + id + '"]') : null;
  }

  function nameEditors(root) {
    root.querySelectorAll('.prose-editor [contenteditable="true"]:not([aria-labelledby]):not([aria-label])').forEach(function (area) {
      var row = area.closest(".form-row, .fieldBox, div[class*='field-']");
      var textarea = row ? row.querySelector("textarea") : null;
      var label = textarea ? labelFor(textarea.id) : null;
      if (label) {
        if (!label.id) label.id = textarea.id + "-label";
        area.setAttribute("aria-labelledby", label.id);
      } else if (textarea) {
        area.setAttribute("aria-label", textarea.name);
      }
    });
  }

  function nameSwitch() {
    var select = document.getElementById("modeltranslation-main-switch");
    if (select && !select.hasAttribute("aria-label")) {
      // The admin's JavaScript catalogue (jsi18n) is on every change form that has date widgets.
      select.setAttribute("aria-label", typeof window.gettext === "function" ? window.gettext("Language") : "Language");
    }
  }

  function fixAll() {
    nameSwitch();
    nameEditors(document);
  }

  window.addEventListener("load", function () {
    fixAll();
    new MutationObserver(fixAll).observe(document.body, { childList: true, subtree: true });
  });
})();
