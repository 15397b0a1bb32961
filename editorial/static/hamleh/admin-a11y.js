/* Accessibility repairs for third-party admin widgets:
   - django-modeltranslation's language switch (a <select> without a label) gets a name;
   - django-prose-editor's editing area (a contenteditable role="textbox" not tied to the label) gets its label;
   - django-modeltranslation's language tabs (jQuery UI tabs) put a focusable link inside each
     role="tab" item, an interactive control nested in another. The item itself takes focus and the
     keyboard, and finds its panel through aria-controls; the link's href only serves to tell a local
     panel from one to fetch. So once built, the link loses its href and tabindex and becomes plain
     text inside the tab, and a tab whose link has no href counts as local. */
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
      // The header's language choice carries the word in the staff's language.
      var headerLabel = document.querySelector('label[for="hamleh-admin-language"]');
      select.setAttribute("aria-label", headerLabel ? headerLabel.textContent.trim() : "Language");
    }
  }

  function treatTabsWithoutLinksAsLocal() {
    var jQuery = (window.django && window.django.jQuery) || window.jQuery;
    var tabs = jQuery && jQuery.ui && jQuery.ui.tabs;
    if (!tabs || tabs.prototype._hamlehLocalTabs) return;
    var isLocal = tabs.prototype._isLocal;
    tabs.prototype._isLocal = function (anchor) {
      return !anchor.hasAttribute("href") || isLocal.call(this, anchor);
    };
    tabs.prototype._hamlehLocalTabs = true;
  }

  function flattenTabLinks(root) {
    treatTabsWithoutLinksAsLocal();
    root.querySelectorAll('[role="tab"] > a.ui-tabs-anchor[href]').forEach(function (link) {
      link.removeAttribute("href");
      link.removeAttribute("tabindex");
      link.setAttribute("role", "presentation");
    });
  }

  function fixAll() {
    nameSwitch();
    nameEditors(document);
    flattenTabLinks(document);
  }

  window.addEventListener("load", function () {
    fixAll();
    new MutationObserver(fixAll).observe(document.body, { childList: true, subtree: true });
  });
})();
