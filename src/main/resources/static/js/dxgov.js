/* dxgov: the little script the pages need; everything also works without it. */
(function () {
  "use strict";
  // <form data-confirm="Công bố kế hoạch?">: ask before submitting (publish and other irreversible actions)
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
})();
