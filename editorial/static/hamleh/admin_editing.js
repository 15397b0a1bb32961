/* Editing in the staff's languages:
   - the rich-text editor writes each language in its own direction: its editing area takes the
     dir and lang of the textarea it replaces (the English body left-to-right in the Arabic admin);
   - the editor's menu, which names its blocks and buttons in English only, shows the labels the
     server sends in the staff's language (data-hamleh-labels on the textarea). */
(function () {
  "use strict";

  function translateMenu(wrapper, labels) {
    wrapper.querySelectorAll("[title]").forEach(function (element) {
      var label = labels[element.getAttribute("title")];
      if (label && label !== element.getAttribute("title")) {
        element.setAttribute("title", label);
        if (element.hasAttribute("aria-label")) element.setAttribute("aria-label", label);
      }
    });
    wrapper.querySelectorAll("p, h1, h2, h3, h4, h5, h6, option, button, span, label").forEach(function (element) {
      // Icons are ligatures of an icon font: their text ("undo", "subscript") is the picture.
      if (element.children.length || element.closest('[class*="material"]')) return;
      var label = labels[element.textContent.trim()];
      // Only when it changes: an unchanged label would wake the observer below again and again.
      if (label && label !== element.textContent) element.textContent = label;
    });
  }

  function adapt(textarea) {
    var wrapper = textarea.closest(".prose-editor");
    if (!wrapper) return;
    var area = wrapper.querySelector('[contenteditable]');
    if (area) {
      if (textarea.getAttribute("dir")) area.setAttribute("dir", textarea.getAttribute("dir"));
      if (textarea.getAttribute("lang")) area.setAttribute("lang", textarea.getAttribute("lang"));
    }
    var labels = {};
    try {
      labels = JSON.parse(textarea.getAttribute("data-hamleh-labels") || "{}");
    } catch (error) {
      labels = {};
    }
    translateMenu(wrapper, labels);
    // Dialogs and menus are built when opened: translate them as they appear.
    if (!wrapper._hamlehObserved) {
      wrapper._hamlehObserved = true;
      new MutationObserver(function () {
        translateMenu(wrapper, labels);
      }).observe(wrapper, { childList: true, subtree: true });
    }
  }

  function adaptAll() {
    document.querySelectorAll("textarea[data-hamleh-labels]").forEach(adapt);
  }

  document.addEventListener("prose-editor:ready", function (event) {
    // The editor is built right after this event: adapt once its elements are in place.
    var textarea = event.detail && event.detail.textarea;
    if (textarea) window.setTimeout(function () { adapt(textarea); }, 0);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", adaptAll);
  } else {
    adaptAll();
  }
  window.addEventListener("load", adaptAll);
})();
